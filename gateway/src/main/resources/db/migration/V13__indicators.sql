-- The Decision 766 indicators (docs/indicators.md, package vn.lienthong.indicator).
--
-- indicator_dossier: one row per dossier (MaHoSo), whatever the direction and the number of its messages: its latest
-- values as accepted (written in the transaction that accepts each message), what the portal did with it, its progress
-- and its rating. A job on one instance folds each changed row into indicator_day: it subtracts what the row added
-- last time (folded) and adds what it adds now, so the aggregates follow the latest values without a scan.
create table indicator_dossier (
    ma_ho_so          varchar(100)  not null primary key,
    -- the indicator fields of the latest message that carried the dossier (JSON, canonical names), and when that
    -- message was accepted: an older message accepted later does not overwrite a newer one's values
    dossier_values    varchar(4000),
    values_at         timestamp with time zone,
    first_accepted_at timestamp with time zone not null,
    -- it came down from the national portal: the portal knows it
    from_portal       boolean       default false not null,
    -- when the portal first accepted it from this gateway
    synced_at         timestamp with time zone,
    progress_received integer       default 0 not null,
    progress_synced   integer       default 0 not null,
    -- the citizen's latest rating (1..5) and whether it was a complaint
    rating            integer,
    complaint         boolean       default false not null,
    -- changes since the last fold: version counts changes, folded_version is the one folded
    version           bigint        default 1 not null,
    folded_version    bigint        default 0 not null,
    dirty             boolean       default true not null,
    -- what the row added to indicator_day when folded (JSON: its key and counters)
    folded            varchar(2000),
    -- its group when folded (for the late list and its filters); late_day set only for a dossier finished late
    on_day            date,
    unit_code         varchar(50),
    ma_tthc           varchar(100),
    late_day          date
);
create index ix_indicator_dossier_dirty on indicator_dossier (dirty);
create index ix_indicator_dossier_late on indicator_dossier (late_day);

-- The aggregates: per day (of NgayTiepNhan, or NgayNopHoSo), unit (after the code table) and procedure (MaTTHC), the
-- counters every indicator is computed from. '' stands for a dossier without a unit or procedure.
create table indicator_day (
    on_day                    date          not null,
    unit_code                 varchar(50)   not null,
    ma_tthc                   varchar(100)  not null,
    received                  bigint        default 0 not null,
    received_online           bigint        default 0 not null,
    received_in_person        bigint        default 0 not null,
    received_postal           bigint        default 0 not null,
    known_to_portal           bigint        default 0 not null,
    synced                    bigint        default 0 not null,
    progress_received         bigint        default 0 not null,
    progress_synced           bigint        default 0 not null,
    finished                  bigint        default 0 not null,
    finished_on_time          bigint        default 0 not null,
    paid_online               bigint        default 0 not null,
    digitised                 bigint        default 0 not null,
    parts_digitised           bigint        default 0 not null,
    parts_reused              bigint        default 0 not null,
    parts_from_national_store bigint        default 0 not null,
    results_issued            bigint        default 0 not null,
    vneid                     bigint        default 0 not null,
    ratings                   bigint        default 0 not null,
    satisfied                 bigint        default 0 not null,
    complaints                bigint        default 0 not null,
    -- sync lag (accepted at the gateway -> accepted by the portal) per bucket: vn.lienthong.indicator.SyncLag
    lag_0 bigint default 0 not null, lag_1 bigint default 0 not null, lag_2 bigint default 0 not null,
    lag_3 bigint default 0 not null, lag_4 bigint default 0 not null, lag_5 bigint default 0 not null,
    lag_6 bigint default 0 not null, lag_7 bigint default 0 not null, lag_8 bigint default 0 not null,
    lag_9 bigint default 0 not null, lag_10 bigint default 0 not null, lag_11 bigint default 0 not null,
    primary key (on_day, unit_code, ma_tthc)
);

-- Failures per day they happened: the portal's refusals by error_code, dead letters and quarantined messages by flow.
create table indicator_failure (
    on_day  date         not null,
    outcome varchar(32)  not null,
    flow    varchar(32)  not null,
    code    varchar(32)  not null,
    count   bigint       not null,
    primary key (on_day, outcome, flow, code)
);
