create table if not exists conversations (
    id uuid not null default gen_random_uuid(),
    user_id varchar(255) not null,
    title varchar(255),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_conversations primary key (id)
);
create index if not exists ix_conversations_user_id on conversations (user_id);
