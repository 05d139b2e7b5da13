-- The indicators per day and unit only (every procedure together): what the province's and a unit's figures are summed
-- from when no procedure is asked. indicator_day holds about a row per dossier-day-procedure (816,872 rows for a year
-- of 1,000,000 dossiers over 160 units and 600 procedures), this table at most a row per unit and day (58,400 rows
-- for the same year): a month of the whole province is a sum over about 4,800 rows. The fold keeps both.
create table indicator_unit_day (
    on_day                    date          not null,
    unit_code                 varchar(50)   not null,
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
    primary key (on_day, unit_code)
);

insert into indicator_unit_day (on_day, unit_code, received, received_online, received_in_person, received_postal, known_to_portal, synced, progress_received, progress_synced, finished, finished_on_time, paid_online, digitised, parts_digitised, parts_reused, parts_from_national_store, results_issued, vneid, ratings, satisfied, complaints, lag_0, lag_1, lag_2, lag_3, lag_4, lag_5, lag_6, lag_7, lag_8, lag_9, lag_10, lag_11)
select on_day, unit_code, sum(received), sum(received_online), sum(received_in_person), sum(received_postal), sum(known_to_portal), sum(synced), sum(progress_received), sum(progress_synced), sum(finished), sum(finished_on_time), sum(paid_online), sum(digitised), sum(parts_digitised), sum(parts_reused), sum(parts_from_national_store), sum(results_issued), sum(vneid), sum(ratings), sum(satisfied), sum(complaints), sum(lag_0), sum(lag_1), sum(lag_2), sum(lag_3), sum(lag_4), sum(lag_5), sum(lag_6), sum(lag_7), sum(lag_8), sum(lag_9), sum(lag_10), sum(lag_11)
from indicator_day group by on_day, unit_code;
