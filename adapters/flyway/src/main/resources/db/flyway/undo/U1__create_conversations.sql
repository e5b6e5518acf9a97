drop table if exists conversations;
