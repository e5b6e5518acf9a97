-- // create changelog
-- MyBatis Migrations' history table; MyBatisEngine names it (${changelog}) and MyBatis fills it.
-- Idempotent, like every script here: MyBatis commits a script and its changelog row separately,
-- so a crash between the two is repaired by running the script again.

create table if not exists ${changelog} (
    id numeric(20, 0) not null,
    applied_at varchar(25) not null,
    description varchar(255) not null,
    constraint pk_${changelog} primary key (id)
);

-- //@UNDO

drop table if exists ${changelog};
