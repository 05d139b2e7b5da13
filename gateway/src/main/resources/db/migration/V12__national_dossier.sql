-- The dossiers that came down from the national portal, once delivered: the one-stop system they went to, their unit
-- (after the code tables), their procedure, and the one-stop's own id of each (MaHoSoDonVi: what the portal's status
-- service names the province's dossier by).
create table national_dossier (
    ma_ho_so        varchar(100) not null primary key,
    destination     varchar(100) not null,
    unit_code       varchar(50),
    ma_tthc         varchar(100),
    ma_ho_so_don_vi varchar(100),
    delivered_at    timestamp with time zone not null
);
