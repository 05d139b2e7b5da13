-- The same Idempotency-Key with a different body is another message (422), not a replay: each message keeps the
-- SHA-256 of its body as received. Rows accepted before this migration have none: for them kind and dossier decide.
alter table tracked_message add column body_sha256 varchar(64);
-- Item i > 0 of an array of dossiers is recorded under "<key>#<i>" (keys themselves have at most 200 characters).
alter table tracked_message alter column idempotency_key set data type varchar(210);
