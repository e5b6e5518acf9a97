create table if not exists messages (
    id uuid not null default gen_random_uuid(),
    conversation_id uuid not null,
    role varchar(16) not null,
    content text not null,
    created_at timestamptz not null default now(),
    constraint pk_messages primary key (id),
    constraint fk_messages_conversation_id foreign key (conversation_id) references conversations (id) on delete cascade,
    constraint ck_messages_role check (role in ('system', 'user', 'assistant', 'tool'))
);
create index if not exists ix_messages_conversation_id_created_at on messages (conversation_id, created_at);
