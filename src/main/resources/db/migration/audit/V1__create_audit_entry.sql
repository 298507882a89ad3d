-- The audit trail: append-only and hash-chained. Each entry's mac is HMAC-SM3(key, previous mac || canonical content);
-- audit_head keeps the newest seq and mac so that deleting the last entries is detected too.
create table audit_entry (
  seq         bigint      primary key,
  at          timestamptz not null,
  actor       text        not null,
  role        text,
  region      text,
  action      text        not null,
  object_type text,
  object_id   text,
  outcome     varchar(16) not null,
  request_id  text,
  details     text,
  mac         bytea       not null
);
create index audit_entry_at_idx on audit_entry (at);
create index audit_entry_actor_idx on audit_entry (actor);
create index audit_entry_object_idx on audit_entry (object_type, object_id);

create table audit_head (
  id   int    primary key check (id = 1),
  seq  bigint not null,
  mac  bytea  not null
);

-- Nobody changes or removes an entry through the application's connection: the triggers refuse it. (A superuser who
-- disables the triggers can still tamper; the chain is what makes that visible.)
create function audit_entry_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_entry is append-only';
end
$$;
create trigger audit_entry_no_update before update or delete on audit_entry
  for each row execute function audit_entry_refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
  for each statement execute function audit_entry_refuse_change();
