/**
 * Past the primary: which server a run used ({@link dev.chatmigrate.core.replica.ServerAddress}), the primary's
 * streaming standbys and where their replay stands ({@link dev.chatmigrate.core.replica.Standbys}), and the wait after
 * a migration until every one of them has replayed its last commit ({@link dev.chatmigrate.core.replica.ReplicaWait}).
 * Depends on no other package of core; see docs/design.md, "Replicas".
 */
package dev.chatmigrate.core.replica;
