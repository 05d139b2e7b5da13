-- Who owns each dossier (issue 12): the client whose dossier the gateway admitted first, or the one-stop system a
-- dossier from the portal was handed to. Another client may not update it or add its progress unless the owner
-- shares its dossiers with it (lienthong.clients.systems[].shared-with). Written once, never changed.
create table dossier_owner (
    ma_ho_so   varchar(100) not null primary key,
    client_id  varchar(64)  not null,
    claimed_at timestamp with time zone not null
);

-- Dossiers accepted before this version: owned by the client of their first dossier message.
insert into dossier_owner (ma_ho_so, client_id, claimed_at)
select t.ma_ho_so, t.client_id, t.accepted_at from tracked_message t
where t.kind = 'DOSSIER' and t.ma_ho_so is not null
  and not exists (select 1 from tracked_message e
                  where e.kind = 'DOSSIER' and e.ma_ho_so = t.ma_ho_so
                    and (e.accepted_at < t.accepted_at
                         or (e.accepted_at = t.accepted_at and e.tracking_id < t.tracking_id)));
