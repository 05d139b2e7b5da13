-- The trail keeps the final reply of whichever destination answered (the portal, the axis, the e-office), no longer
-- the portal's alone: who answered, whether it took the message (ACCEPTED) or refused it (REJECTED), its code and its
-- message. Replies written before were all the portal's.
alter table tracked_message rename column portal_error_code to reply_code;
alter table tracked_message rename column portal_message to reply_message;
alter table tracked_message add column reply_destination varchar(32);
alter table tracked_message add column reply_status varchar(16);

update tracked_message
set reply_destination = 'portal',
    reply_status = case when state = 'REJECTED_BY_PORTAL' then 'REJECTED' else 'ACCEPTED' end
where reply_code is not null or reply_message is not null;
