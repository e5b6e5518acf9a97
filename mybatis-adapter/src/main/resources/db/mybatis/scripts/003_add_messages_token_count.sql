-- // add messages token count
-- chatmigrate version 3: the canonical SQL, the same as every other engine's.

alter table messages add column if not exists token_count integer;
do $$
begin
    if not exists (select 1 from pg_constraint where conname = 'ck_messages_token_count' and conrelid = 'messages'::regclass) then
        alter table messages add constraint ck_messages_token_count check (token_count >= 0);
    end if;
end $$;

-- //@UNDO

alter table messages drop column if exists token_count;
