-- A delivery attempt is one event row: its outcome (DELIVERED, REJECTED_BY_PORTAL, HELD, RETRYING, ...) and, in
-- these two columns, when the attempt began and what was noted then. The trail API shows the start as its own
-- DELIVERING step, as before, when it reads them. Rows written before this keep their DELIVERING rows (no start here).
alter table tracking_event add column started_at timestamp with time zone;
alter table tracking_event add column start_detail varchar(4000);
