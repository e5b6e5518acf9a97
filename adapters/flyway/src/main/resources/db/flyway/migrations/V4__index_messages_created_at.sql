-- Version 4: index messages.created_at for retention jobs. The placeholder concurrently is the word concurrently on a
-- plain messages, so that writers are never blocked, and empty on a partitioned one, where PostgreSQL refuses it and
-- chatmigrate has already built this index partition by partition and attached it (docs/design.md, "Partitioned
-- messages"): there the statement only finds the index in place.
create index ${concurrently} if not exists ix_messages_created_at on messages (created_at);
