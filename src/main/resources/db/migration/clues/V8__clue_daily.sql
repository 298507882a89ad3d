-- The clue funnel per day, maintained in the transaction of each change, so that the funnel as of a date is a sum
-- over days (bounded by days x rounds x groups x regions) instead of a scan of every clue.
--
-- The funnel as of day D counts, from each clue's current row, what its timestamps say by the end of D (China's
-- time zone): received, in scope, transferred, verified true, cases opened, closed, replied (with the days it took),
-- and overdue (past its handling limit, neither verified nor closed). A clue merged into another stops counting
-- from the day of the merge. Each of these holds over an interval of days, so a clue adds +1 on the day an interval
-- starts and -1 on the day it ends; the funnel as of D is the sum of the rows with day <= D.
--
-- A trigger on clue keeps the table, not the workflow code: the funnel is a function of the row alone, so taking away
-- the old row's share and adding the new row's keeps it exact whatever writes the row (intake, the workflow, merges,
-- imports, the demo, a repair by hand), and the workflow code of the clue module stays as it is. The breakdown
-- is the row's round, group, region and whether it names officials (which readers may count those differs by role);
-- channel and category are not kept (their funnel is counted from the records). clue_daily_rebuild() recomputes the
-- table (after a bulk load with triggers off, or to repair); ClueStatistics counts the same from the records for the
-- parts of a reader's view the table cannot hold (clues naming the reader, a handling unit's own clues).
create table clue_daily (
  round_id        bigint      not null,
  day             date        not null,
  group_number    int         not null,
  region_code     varchar(20) not null,
  officials_named boolean     not null,
  region_path     text        not null,
  received        int         not null default 0,
  in_scope        int         not null default 0,
  transferred     int         not null default 0,
  verified_true   int         not null default 0,
  cases           int         not null default 0,
  closed          int         not null default 0,
  replied         int         not null default 0,
  reply_days      numeric     not null default 0,
  overdue         int         not null default 0,
  primary key (round_id, day, group_number, region_code, officials_named)
);

create function clue_day(t timestamptz) returns date language sql immutable as
  $$ select (t at time zone 'Asia/Shanghai')::date $$;

-- One clue's +1/-1 per day and counter (round and group 0 when the clue has none).
create function clue_daily_deltas(c clue)
  returns table (round_id bigint, day date, group_number int, region_code varchar, officials_named boolean,
                 region_path text, received int, in_scope int, transferred int, verified_true int, cases int,
                 closed int, replied int, reply_days numeric, overdue int)
  language sql immutable as $$
  with b as (
    select clue_day(c.received_at) as dr, coalesce(clue_day(c.merged_at), 'infinity') as dm),
  i as (
    select v.k, v.s, v.e from b, lateral (values
      (1, b.dr, b.dm),
      (2, case when c.scope is not null and c.triaged_at is not null then greatest(b.dr, clue_day(c.triaged_at)) end,
          b.dm),
      (3, case when c.transferred_at is not null then greatest(b.dr, clue_day(c.transferred_at)) end, b.dm),
      (4, case when c.result in ('TRUE', 'PARTLY_TRUE', 'CASE_OPENED') and c.verified_at is not null
               then greatest(b.dr, clue_day(c.verified_at)) end, b.dm),
      (5, case when c.result = 'CASE_OPENED' and c.verified_at is not null
               then greatest(b.dr, clue_day(c.verified_at)) end, b.dm),
      (6, case when c.closed_at is not null then greatest(b.dr, clue_day(c.closed_at)) end, b.dm),
      (7, case when c.replied_at is not null then greatest(b.dr, clue_day(c.replied_at)) end, b.dm),
      (8, case when c.due_on is not null then greatest(b.dr, c.due_on + 1) end,
          least(b.dm, coalesce(clue_day(c.verified_at), 'infinity'), coalesce(clue_day(c.closed_at), 'infinity')))
    ) v(k, s, e)
    where v.s is not null and v.s < v.e)
  select coalesce(c.round_id, 0), x.day, coalesce(c.group_number, 0), c.region_code, c.officials_named, c.region_path,
         (i.k = 1)::int * x.sg, (i.k = 2)::int * x.sg, (i.k = 3)::int * x.sg, (i.k = 4)::int * x.sg,
         (i.k = 5)::int * x.sg, (i.k = 6)::int * x.sg, (i.k = 7)::int * x.sg,
         case when i.k = 7 then x.sg * extract(epoch from (c.replied_at - c.received_at)) / 86400.0 else 0 end,
         (i.k = 8)::int * x.sg
  from i, lateral (values (i.s, 1), (i.e, -1)) x(day, sg)
  where x.day < 'infinity'
$$;

create function clue_daily_change() returns trigger language plpgsql as $$
begin
  insert into clue_daily as t (round_id, day, group_number, region_code, officials_named, region_path, received,
                               in_scope, transferred, verified_true, cases, closed, replied, reply_days, overdue)
  select d.round_id, d.day, d.group_number, d.region_code, d.officials_named, min(d.region_path),
         sum(d.received * sg), sum(d.in_scope * sg), sum(d.transferred * sg), sum(d.verified_true * sg),
         sum(d.cases * sg), sum(d.closed * sg), sum(d.replied * sg), sum(d.reply_days * sg), sum(d.overdue * sg)
  from (select -1 as sg, o.* from clue_daily_deltas(old) o where tg_op <> 'INSERT'
        union all
        select 1, n.* from clue_daily_deltas(new) n where tg_op <> 'DELETE') d
  group by d.round_id, d.day, d.group_number, d.region_code, d.officials_named
  having sum(d.received * sg) <> 0 or sum(d.in_scope * sg) <> 0 or sum(d.transferred * sg) <> 0
      or sum(d.verified_true * sg) <> 0 or sum(d.cases * sg) <> 0 or sum(d.closed * sg) <> 0
      or sum(d.replied * sg) <> 0 or sum(d.reply_days * sg) <> 0 or sum(d.overdue * sg) <> 0
  order by 1, 2, 3, 4, 5
  on conflict (round_id, day, group_number, region_code, officials_named) do update
    set received = t.received + excluded.received, in_scope = t.in_scope + excluded.in_scope,
        transferred = t.transferred + excluded.transferred, verified_true = t.verified_true + excluded.verified_true,
        cases = t.cases + excluded.cases, closed = t.closed + excluded.closed, replied = t.replied + excluded.replied,
        reply_days = t.reply_days + excluded.reply_days, overdue = t.overdue + excluded.overdue;
  return null;
end $$;

create trigger clue_daily_insert after insert or delete on clue
  for each row execute function clue_daily_change();

create trigger clue_daily_update after update on clue
  for each row when ((old.received_at, old.merged_at, old.scope, old.triaged_at, old.transferred_at, old.result,
                      old.verified_at, old.closed_at, old.replied_at, old.due_on, old.round_id, old.group_number,
                      old.region_code, old.region_path, old.officials_named)
                     is distinct from
                     (new.received_at, new.merged_at, new.scope, new.triaged_at, new.transferred_at, new.result,
                      new.verified_at, new.closed_at, new.replied_at, new.due_on, new.round_id, new.group_number,
                      new.region_code, new.region_path, new.officials_named))
  execute function clue_daily_change();

-- Recomputes the whole table from the clues; returns the number of rows.
create function clue_daily_rebuild() returns bigint language plpgsql as $$
declare n bigint;
begin
  lock table clue_daily in exclusive mode;
  delete from clue_daily;
  insert into clue_daily (round_id, day, group_number, region_code, officials_named, region_path, received,
                          in_scope, transferred, verified_true, cases, closed, replied, reply_days, overdue)
  select d.round_id, d.day, d.group_number, d.region_code, d.officials_named, min(d.region_path),
         sum(d.received), sum(d.in_scope), sum(d.transferred), sum(d.verified_true), sum(d.cases), sum(d.closed),
         sum(d.replied), sum(d.reply_days), sum(d.overdue)
  from clue c cross join lateral clue_daily_deltas(c) d
  group by d.round_id, d.day, d.group_number, d.region_code, d.officials_named
  having sum(d.received) <> 0 or sum(d.in_scope) <> 0 or sum(d.transferred) <> 0 or sum(d.verified_true) <> 0
      or sum(d.cases) <> 0 or sum(d.closed) <> 0 or sum(d.replied) <> 0 or sum(d.reply_days) <> 0
      or sum(d.overdue) <> 0;
  get diagnostics n = row_count;
  return n;
end $$;

select clue_daily_rebuild();
