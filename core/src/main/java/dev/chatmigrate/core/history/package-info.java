/**
 * The engines' histories in a schema: which engine's tables exist and record anything ({@link
 * dev.chatmigrate.core.history.EngineHistories}, names from the providers only), a switch of engine and the retiring of
 * the other histories ({@link dev.chatmigrate.core.history.EngineSwitch}), the one-round-trip restart check ({@link
 * dev.chatmigrate.core.history.RestartCheck}) and the downgrade's data-loss guard. Built on {@code lock} and
 * {@code session}.
 */
package dev.chatmigrate.core.history;
