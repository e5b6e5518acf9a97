drop index concurrently if exists ix_messages_created_at;
