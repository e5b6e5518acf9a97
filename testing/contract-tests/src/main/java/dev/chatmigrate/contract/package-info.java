/**
 * The contract every chatmigrate engine passes: {@link dev.chatmigrate.contract.MigrationEngineContract},
 * an abstract JUnit suite of what an engine can break, whose subclasses only say how to build their
 * provider; what it looks at in a database ({@link dev.chatmigrate.testing.DatabaseProbe}); and the
 * test proxy that simulates a database waking up ({@link dev.chatmigrate.testing.online.RefusingThenForwardingProxy}).
 * A database at a distance, with its round trips counted, is the {@code cli} module's {@code LatencyProxy}.
 * The database states the tests start from are {@code dev.chatmigrate.testing.states.DatabaseState}.
 */
package dev.chatmigrate.contract;
