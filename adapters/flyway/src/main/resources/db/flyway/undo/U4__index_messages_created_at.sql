-- Undoes version 4. The placeholder concurrently is the word concurrently on a plain messages, and empty on a
-- partitioned one, where PostgreSQL refuses it: there the drop is one brief step that takes the partitions' indexes
-- with it (docs/design.md, "Partitioned messages").
drop index ${concurrently} if exists ix_messages_created_at;
