-- The first two steps of every trail are columns of the message instead of events: accepted_at (received: the
-- RECEIVED step) and stored_at (the broker confirmed it: the ACCEPTED step). The trail API shows them as before; each
-- accepted message costs two inserts fewer (docs/benchmark.md). Events keep everything after, and later ACCEPTED
-- steps (a replay) and remarks.
alter table tracked_message add column stored_at timestamp with time zone;

update tracked_message set stored_at = (
    select min(e.at) from tracking_event e
    where e.tracking_id = tracked_message.tracking_id and e.state = 'ACCEPTED' and e.detail is null);

delete from tracking_event
where detail is null and state = 'RECEIVED'
  and at = (select m.accepted_at from tracked_message m where m.tracking_id = tracking_event.tracking_id);

delete from tracking_event
where detail is null and state = 'ACCEPTED'
  and at = (select m.stored_at from tracked_message m where m.tracking_id = tracking_event.tracking_id);

-- A dossier's messages are found through uq_tracked_message_dossier_seq (ma_ho_so, dossier_seq) since V3; the older
-- index on (ma_ho_so, accepted_at) only cost every accepted message one more index entry.
drop index ix_tracked_message_ma_ho_so;
