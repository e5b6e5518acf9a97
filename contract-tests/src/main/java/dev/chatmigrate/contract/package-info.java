/**
 * The contract every chatmigrate engine passes: {@link dev.chatmigrate.contract.MigrationEngineContract},
 * an abstract JUnit suite whose subclasses only say how to build their provider, plus the database
 * states it starts from ({@link dev.chatmigrate.contract.DatabaseStates}) and the test proxy that
 * simulates a database waking up ({@link dev.chatmigrate.contract.RefusingThenForwardingProxy}). A database at a
 * distance, with its round trips counted, is the {@code cli} module's {@code LatencyProxy}.
 */
package dev.chatmigrate.contract;
