alter table app_users add column email text;
