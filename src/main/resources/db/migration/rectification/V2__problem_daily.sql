-- The rectification figures per day, maintained in the transaction of each change, so that the figures as of a date
-- are a sum over days (bounded by days x groups x regions) instead of a scan of every problem and its timeline.
--
-- A problem counts on day D with the status and deadline of its last timeline entry before the end of D (in China's
-- time zone, where the campaign's days start and end): found (any status), closed, rectifying (assigned,
-- rectifying, feedback submitted), overdue (assigned or rectifying with a deadline before D). Each of these holds
-- over an interval of days, so a problem adds +1 on the day an interval starts and -1 on the day it ends; the figure
-- as of D is the sum of the rows with day <= D. The breakdown is the problem's current round, group and region, as
-- the figures were counted before.
--
-- A trigger keeps the table, not the workflow code: the figures are a function of the timeline alone, so every way a
-- timeline entry is written (the workflow, the ledger import, the demo, a repair by hand) keeps them exact, and the
-- workflow stays free of bookkeeping. problem_daily_rebuild() recomputes the table from the timeline (after a bulk
-- load with triggers off, or to repair); RectificationStatistics.countedFromRecords is the definition it must match.
create table problem_daily (
  round_id    bigint      not null,
  day         date        not null,
  group_id    bigint      not null,
  region_code varchar(20) not null,
  region_path text        not null,
  found       int         not null default 0,
  closed      int         not null default 0,
  rectifying  int         not null default 0,
  overdue     int         not null default 0,
  primary key (round_id, day, group_id, region_code)
);

-- The +1/-1 of one problem's timeline per day, leaving out one entry (the one just written, to get the figures
-- before it) when skip_event is given.
create function problem_daily_deltas(pid bigint, skip_event bigint)
  returns table (day date, found int, closed int, rectifying int, overdue int)
  language sql stable as $$
  with ev as (
    select (e.at at time zone 'Asia/Shanghai')::date as d, e.status, e.deadline,
           lead((e.at at time zone 'Asia/Shanghai')::date) over (order by e.at, e.id) as next_d
    from problem_event e
    where e.problem_id = pid and e.status is not null and e.id is distinct from skip_event),
  state as (
    select d, next_d, (status = 'CLOSED')::int as c,
           (status in ('ASSIGNED', 'RECTIFYING', 'FEEDBACK_SUBMITTED'))::int as r,
           case when status in ('ASSIGNED', 'RECTIFYING') and deadline is not null
                then greatest(d, deadline + 1) end as late_from
    from ev)
  select d, 1, c, r, 0 from state where next_d is null or next_d > d
  union all select next_d, -1, -c, -r, 0 from state where next_d > d
  union all select late_from, 0, 0, 0, 1 from state where late_from < coalesce(next_d, 'infinity')
  union all select next_d, 0, 0, 0, -1 from state where late_from < next_d
$$;

-- Moves one problem's figures: takes away what it counted with the old breakdown and timeline, adds what it counts
-- now. One upsert, in day order (so that two transactions touching the same rows lock them in the same order).
create function problem_daily_move(pid bigint, old_round bigint, old_group bigint, old_code varchar, old_path text,
                                   old_skip bigint, new_round bigint, new_group bigint, new_code varchar,
                                   new_path text)
  returns void language sql as $$
  insert into problem_daily as t (round_id, day, group_id, region_code, region_path, found, closed, rectifying, overdue)
  select round_id, day, group_id, region_code, min(region_path), sum(found), sum(closed), sum(rectifying), sum(overdue)
  from (select old_round as round_id, d.day, old_group as group_id, old_code as region_code, old_path as region_path,
               -d.found as found, -d.closed as closed, -d.rectifying as rectifying, -d.overdue as overdue
        from problem_daily_deltas(pid, old_skip) d where old_round is not null
        union all
        select new_round, d.day, new_group, new_code, new_path, d.found, d.closed, d.rectifying, d.overdue
        from problem_daily_deltas(pid, null) d) x
  group by round_id, day, group_id, region_code
  having sum(found) <> 0 or sum(closed) <> 0 or sum(rectifying) <> 0 or sum(overdue) <> 0
  order by round_id, day, group_id, region_code
  on conflict (round_id, day, group_id, region_code) do update
    set found = t.found + excluded.found, closed = t.closed + excluded.closed,
        rectifying = t.rectifying + excluded.rectifying, overdue = t.overdue + excluded.overdue
$$;

create function problem_event_daily() returns trigger language plpgsql as $$
declare p record;
begin
  select round_id, group_id, region_code, region_path into p from problem where id = new.problem_id;
  perform problem_daily_move(new.problem_id, p.round_id, p.group_id, p.region_code, p.region_path, new.id,
                             p.round_id, p.group_id, p.region_code, p.region_path);
  return null;
end $$;

create trigger problem_event_daily after insert on problem_event
  for each row when (new.status is not null) execute function problem_event_daily();

create function problem_breakdown_daily() returns trigger language plpgsql as $$
begin
  perform problem_daily_move(new.id, old.round_id, old.group_id, old.region_code, old.region_path, null,
                             new.round_id, new.group_id, new.region_code, new.region_path);
  return null;
end $$;

create trigger problem_breakdown_daily after update on problem
  for each row when (old.round_id is distinct from new.round_id or old.group_id is distinct from new.group_id
                     or old.region_code is distinct from new.region_code
                     or old.region_path is distinct from new.region_path)
  execute function problem_breakdown_daily();

-- Recomputes the whole table from the timelines; returns the number of rows.
create function problem_daily_rebuild() returns bigint language plpgsql as $$
declare n bigint;
begin
  lock table problem_daily in exclusive mode;
  delete from problem_daily;
  insert into problem_daily (round_id, day, group_id, region_code, region_path, found, closed, rectifying, overdue)
  select p.round_id, d.day, p.group_id, p.region_code, min(p.region_path), sum(d.found), sum(d.closed),
         sum(d.rectifying), sum(d.overdue)
  from problem p cross join lateral problem_daily_deltas(p.id, null) d
  group by p.round_id, d.day, p.group_id, p.region_code
  having sum(d.found) <> 0 or sum(d.closed) <> 0 or sum(d.rectifying) <> 0 or sum(d.overdue) <> 0;
  get diagnostics n = row_count;
  return n;
end $$;

select problem_daily_rebuild();
