-- Entries are written in the transaction of the change they record, without any lock, and chained right after it
-- commits: a single chainer (an advisory lock) gives them their gap-free seq and MAC in batches. So the trail no longer
-- serialises every write of the application, and an entry still never exists without its change or the other way round.
alter table audit_entry drop constraint audit_entry_pkey;
alter table audit_entry add column id bigint generated always as identity;
alter table audit_entry add primary key (id);
alter table audit_entry alter column seq drop not null;
alter table audit_entry alter column mac drop not null;
alter table audit_entry add constraint audit_entry_seq_unique unique (seq);
create index audit_entry_pending_idx on audit_entry (id) where seq is null;

-- The one change an entry may undergo: being chained once (seq and mac set from null, nothing else touched).
create or replace function audit_entry_refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.seq is null and old.mac is null and new.seq is not null and new.mac is not null
     and (new.at, new.actor, new.role, new.region, new.action, new.object_type, new.object_id, new.outcome,
          new.request_id, new.details, new.id)
         is not distinct from
         (old.at, old.actor, old.role, old.region, old.action, old.object_type, old.object_id, old.outcome,
          old.request_id, old.details, old.id) then
    return new;
  end if;
  raise exception 'audit_entry is append-only';
end
$$;
