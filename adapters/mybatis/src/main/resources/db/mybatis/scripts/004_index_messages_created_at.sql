-- // index messages created at
-- chatmigrate version 4: the canonical SQL, the same as every other engine's.
-- The variable concurrently is the word concurrently on a plain messages: both sections then build or drop the
-- index without blocking writers, so MyBatisEngine runs them outside a transaction (MyBatis autoCommit). On a
-- partitioned messages it is empty, since PostgreSQL refuses it there: chatmigrate has already built the index
-- partition by partition and attached it, so the up only finds it in place and the undo drops it in one brief step
-- (docs/design.md, "Partitioned messages").

create index ${concurrently} if not exists ix_messages_created_at on messages (created_at);

-- //@UNDO

drop index ${concurrently} if exists ix_messages_created_at;
