-- Documents (edXML) travel with a tracked_message row like dossiers; this is what only documents have.
create table tracked_document (
    tracking_id        varchar(36)   not null primary key references tracked_message (tracking_id) on delete cascade,
    direction          varchar(16)   not null,
    document_id        varchar(300),
    from_organ_id      varchar(50),
    to_organ_ids       varchar(2000),
    status_code        varchar(2),
    axis_doc_id        varchar(100),
    signature_status   varchar(32),
    signature_detail   varchar(1000),
    edxml_sha256       varchar(64),
    edxml_size         bigint
);
create index ix_tracked_document_document_id on tracked_document (document_id);
create unique index uq_tracked_document_axis_doc on tracked_document (direction, axis_doc_id);

create table tracked_attachment (
    tracking_id  varchar(36)  not null references tracked_message (tracking_id) on delete cascade,
    position     integer      not null,
    name         varchar(500) not null,
    content_type varchar(200),
    size         bigint       not null,
    sha256       varchar(64)  not null,
    primary key (tracking_id, position)
);

-- The document axis's agency directory, synced on a schedule: From/To are checked against it.
create table agency (
    organ_id   varchar(50)  not null primary key,
    organ_name varchar(500),
    active     boolean      not null,
    synced_at  timestamp with time zone not null
);
