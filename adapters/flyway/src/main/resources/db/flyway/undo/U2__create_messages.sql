drop table if exists messages;
