/**
 * What a migration meets on a live database, for the tests of online safety: the chatbot writing and reading
 * meanwhile ({@link dev.chatmigrate.testing.online.ChatbotLoad}), the lock waits it suffers
 * ({@link dev.chatmigrate.testing.online.LockWaitSampler}), and a database still waking up
 * ({@link dev.chatmigrate.testing.online.RefusingThenForwardingProxy}).
 */
package dev.chatmigrate.testing.online;
