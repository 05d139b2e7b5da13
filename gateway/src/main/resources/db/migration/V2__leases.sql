-- Leases: which gateway instance runs a scheduled job (e.g. polling the document axis) when several share a database.
create table lease (
    name       varchar(100) not null primary key,
    owner      varchar(200) not null,
    expires_at timestamp with time zone not null
);
