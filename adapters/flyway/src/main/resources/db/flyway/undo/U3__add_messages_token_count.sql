alter table messages drop column if exists token_count;
