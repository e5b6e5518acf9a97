alter table messages add column if not exists metadata jsonb not null default '{}'::jsonb;
do $$
begin
    if not exists (select 1 from pg_constraint where conname = 'ck_messages_metadata_object' and conrelid = 'messages'::regclass) then
        alter table messages add constraint ck_messages_metadata_object check (jsonb_typeof(metadata) = 'object');
    end if;
end $$;
