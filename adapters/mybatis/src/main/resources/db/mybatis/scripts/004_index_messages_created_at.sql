-- // index messages created at
-- chatmigrate version 4: the canonical SQL, the same as every other engine's.
-- Both sections build or drop an index concurrently, so MyBatisEngine runs them outside a transaction
-- (MyBatis autoCommit); writers to messages are never blocked.

create index concurrently if not exists ix_messages_created_at on messages (created_at);

-- //@UNDO

drop index concurrently if exists ix_messages_created_at;
