create index concurrently if not exists ix_messages_created_at on messages (created_at);
