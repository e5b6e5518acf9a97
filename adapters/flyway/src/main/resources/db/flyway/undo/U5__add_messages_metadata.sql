alter table messages drop column if exists metadata;
