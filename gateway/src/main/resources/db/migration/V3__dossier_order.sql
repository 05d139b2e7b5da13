-- Each dossier's messages in the order they were accepted, even when a message is set aside (issue 4: bugs 3, 5, 8).

-- The message's place in its dossier (1, 2, ...), given at acceptance; null for messages accepted before V3.
alter table tracked_message add column dossier_seq bigint;
-- Also the index of the check before each delivery ("is an earlier message of this dossier still on its way?").
create unique index uq_tracked_message_dossier_seq on tracked_message (ma_ho_so, dossier_seq);

-- The last place given in each dossier: incremented in the transaction that inserts the message, so that two
-- instances accepting for one dossier at once take turns on its row (a withdrawn message leaves a harmless gap).
create table dossier_sequence (
    ma_ho_so varchar(100) not null primary key,
    last_seq bigint       not null
);

-- Messages set aside: the portal kept failing them (retried here with backoff instead of in a consumer), or an
-- earlier message of their dossier is not final yet. A dossier's held messages go out in dossier_seq order.
create table held_message (
    tracking_id     varchar(36)   not null primary key,
    ma_ho_so        varchar(100)  not null,
    dossier_seq     bigint        not null,
    kind            varchar(32)   not null,
    -- the message as it was queued: its Lienthong* headers (JSON object) and its body
    headers         varchar(4000) not null,
    body            text          not null,
    -- portal calls made for it so far, and when the next one is due
    attempts        integer       default 0 not null,
    next_attempt_at timestamp with time zone not null,
    -- dead-lettered after its attempts: its dossier's later messages wait behind it until an operator replays it
    parked          boolean       default false not null,
    -- the retrier sending it now holds it until then (an instance taking over the retrier does not send it twice)
    claimed_until   timestamp with time zone,
    held_at         timestamp with time zone not null
);
create index ix_held_message_dossier on held_message (ma_ho_so, dossier_seq);
create index ix_held_message_due on held_message (next_attempt_at);
