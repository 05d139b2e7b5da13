-- Messages of every flow are set aside per destination and ordering key: a dossier's messages for the portal by their
-- MaHoSo (in dossier order), a document's for the axis or the e-office by its DocumentId (in the order they were held).
alter table held_message add column destination varchar(32) default 'portal' not null;
alter table held_message rename column ma_ho_so to order_key;
alter table held_message rename column dossier_seq to seq;
-- A document's body stays in the broker (a large message in this queue, lienthong.queues.document-held), never here.
alter table held_message add column body_queue varchar(200);
alter table held_message alter column body drop not null;
drop index ix_held_message_dossier;
create index ix_held_message_key on held_message (destination, order_key, seq);
