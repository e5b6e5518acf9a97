/**
 * A real pg_auto_failover formation (a monitor and two PostgreSQL nodes from the Debian packages) started by a
 * test under a temporary directory: failover, switchover and a standby that dies, as a chatbot's database gets
 * them past one node (docs/design.md, "Past one node").
 */
package dev.chatmigrate.integration.reliability.cluster;
