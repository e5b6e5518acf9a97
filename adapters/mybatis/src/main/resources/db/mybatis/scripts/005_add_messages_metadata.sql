-- // add messages metadata
-- chatmigrate version 5: the canonical SQL, the same as every other engine's. MyBatisEngine runs it outside a
-- transaction, one statement at a time (the @DELIMITER lines keep the plpgsql body one statement): the check is
-- added not valid (a brief lock, no scan), then validated, which reads every row while the chatbot's writes go on.

alter table messages add column if not exists metadata jsonb not null default '{}'::jsonb;
-- @DELIMITER /
do $$
begin
    if not exists (select 1 from pg_constraint where conname = 'ck_messages_metadata_object' and conrelid = 'messages'::regclass) then
        alter table messages add constraint ck_messages_metadata_object check (jsonb_typeof(metadata) = 'object') not valid;
    end if;
end $$
/
-- @DELIMITER ;
alter table messages validate constraint ck_messages_metadata_object;

-- //@UNDO

alter table messages drop column if exists metadata;
