alter table messages add column if not exists token_count integer;
do $$
begin
    if not exists (select 1 from pg_constraint where conname = 'ck_messages_token_count' and conrelid = 'messages'::regclass) then
        alter table messages add constraint ck_messages_token_count check (token_count >= 0);
    end if;
end $$;
