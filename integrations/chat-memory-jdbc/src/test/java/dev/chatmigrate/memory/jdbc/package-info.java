/** Tests of the shared chat memory JDBC code, and the test helpers both chat memory modules use. */
package dev.chatmigrate.memory.jdbc;
