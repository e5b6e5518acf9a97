/**
 * The engines' histories in a schema: which engine's tables exist and record anything ({@link
 * dev.chatmigrate.core.history.EngineHistories}, names from the providers only, chatmigrate's own and never an engine
 * library's default), the carrying over of histories earlier releases kept under the default names ({@code
 * HistoryCarryOver}, only what is recognisably chatmigrate's), a deliberate switch of engine and the retiring of the
 * other histories ({@link dev.chatmigrate.core.history.EngineSwitch}), the one-round-trip restart check ({@link
 * dev.chatmigrate.core.history.RestartCheck}) and the downgrade's data-loss guard. Built on {@code lock} and
 * {@code session}. See docs/design.md, "Switching engines" and "Shared databases".
 */
package dev.chatmigrate.core.history;
