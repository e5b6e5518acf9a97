-- Runs outside a transaction, one statement at a time: the check is added not valid (a brief lock, no scan),
-- then validated, which reads every row while the chatbot's writes go on.
alter table messages add column if not exists metadata jsonb not null default '{}'::jsonb;
do $$
begin
    if not exists (select 1 from pg_constraint where conname = 'ck_messages_metadata_object' and conrelid = 'messages'::regclass) then
        alter table messages add constraint ck_messages_metadata_object check (jsonb_typeof(metadata) = 'object') not valid;
    end if;
end $$;
alter table messages validate constraint ck_messages_metadata_object;
