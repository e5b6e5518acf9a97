-- Version 4. The placeholder concurrently is the word concurrently on a plain messages and empty on a partitioned
-- one, where PostgreSQL refuses it and chatmigrate has already built the index partition by partition and attached
-- it (docs/design.md, "Partitioned messages"): there the statement only finds the index in place.
create index ${concurrently} if not exists ix_messages_created_at on messages (created_at);
