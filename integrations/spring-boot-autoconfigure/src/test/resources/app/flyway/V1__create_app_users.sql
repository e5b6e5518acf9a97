create table app_users (id bigint primary key, name text not null);
