-- Generates clues :cfrom .. :cto and problems :pfrom .. :pto of the benchmark's round straight through SQL, with
-- triggers off (session_replication_role): the daily tables are rebuilt from the records afterwards, with the
-- same functions a repair uses. Each clue and problem goes through a plausible timeline over the year 2019: clues
-- are triaged, assigned with a limit, verified, closed and answered (some transferred, merged or named officials;
-- a tenth carry no round, as the public's tips do), problems are assigned, rectified, closed, some reopened.
-- Usage: psql -v round=… -v cfrom=1 -v cto=10000 -v pfrom=1 -v pto=2000 -f generate.sql
set session_replication_role = replica;

create temporary table if not exists bench_group as
  select row_number() over (order by g.number)::int as n, g.id, g.number, g.region_code, r.path
  from inspection_group g join region r on r.code = g.region_code where g.round_id = :round;
select count(*) as groups, (select min(id) from staff) as staff, (select campaign_id from round where id = :round)
  as campaign from bench_group \gset

-- Problems: found on a day of the year, assigned the next day with 30 days, rectifying two days later; 85% submit
-- feedback, 70% are closed, one closed problem in 20 relapses at a look-back a month later.
begin;
create temporary table bench_problem on commit drop as
  select p.id, g.id as group_id, g.region_code, g.path, d0, k, r
  from (select id, random() as r, 1 + floor(random() * :groups)::int as gn,
               date '2019-01-01' + floor(random() * 330)::int as d0, 5 + floor(random() * 35)::int as k
        from generate_series(:pfrom, :pto) id) p
  join bench_group g on g.n = p.gn;
insert into problem (id, campaign_id, round_id, group_id, region_code, region_path, source, title, description,
                     status, cycle, deadline, recorded_by, recorded_at)
overriding system value
select id, :campaign, :round, group_id, region_code, path, 'FIELDWORK', '问题' || id, '基准问题' || id,
       case when r < 0.035 then 'RECTIFYING' when r < 0.7 then 'CLOSED' when r < 0.85 then 'FEEDBACK_SUBMITTED'
            else 'RECTIFYING' end,
       case when r < 0.035 then 2 else 1 end, d0 + 31, :staff, (d0 + time '09:00') at time zone 'Asia/Shanghai'
from bench_problem;
insert into problem_event (problem_id, step, cycle, by_name, at, status, deadline)
select id, s.step, 1, 'bench', (d0 + s.offs + time '10:00') at time zone 'Asia/Shanghai', s.status, s.deadline
from bench_problem, lateral (values
  ('RECORDED', 0, 'RECORDED', null::date, true),
  ('ASSIGNED', 1, 'ASSIGNED', d0 + 31, true),
  ('STARTED', 3, 'RECTIFYING', d0 + 31, true),
  ('FEEDBACK_SUBMITTED', 3 + k, 'FEEDBACK_SUBMITTED', d0 + 31, r < 0.85),
  ('ACCEPTED', 5 + k, 'CLOSED', d0 + 31, r < 0.7),
  ('REOPENED', 35 + k, 'RECTIFYING', d0 + 65 + k, r < 0.035)) s(step, offs, status, deadline, happens)
where s.happens;
commit;

-- Clues: received over the year; 95% triaged the next day (80% in scope, the rest transferred), in scope assigned
-- with 30 days, 85% verified within 5-60 days, 80% of those closed; 60% answered within 5 days; 1% merged.
begin;
create temporary table bench_clue on commit drop as
  select c.id, g.number, g.region_code, g.path, c.r1, c.r2, c.r3,
         (date '2019-01-01' + floor(random() * 365)::int + time '08:00' + random() * interval '12 hours')
           at time zone 'Asia/Shanghai' as received, 5 + floor(random() * 55)::int as verify_days
  from (select id, random() as r1, random() as r2, random() as r3, 1 + floor(random() * :groups)::int as gn
        from generate_series(:cfrom, :cto) id) c
  join bench_group g on g.n = c.gn;
insert into clue (id, serial, serial_year, serial_number, channel, received_at, recorded_at, region_code, region_path,
                  group_number, round_id, anonymous, has_contact, receipt_hash, category, place, activity_time,
                  description, search_text, grams, officials_named, status, scope, triaged_at, transfer_department,
                  transferred_at, time_limit_days, due_on, assigned_at, result, verified_at, closed_at, replied_at,
                  merged_into, merged_at)
select id, '渝扫线〔基准〕' || id || '号', 3000, id,
       (array['HOTLINE','LETTER','VISIT','SWEEP','TRANSFER','WEB'])[1 + floor(r3 * 6)::int],
       received, received, region_code, path, number, case when r2 < 0.9 then :round end, r1 < 0.3, r1 >= 0.3,
       decode(md5('bench-receipt' || id), 'hex'),
       (array['FORCED_TRADING','VILLAGE_BULLY','ILLEGAL_LENDING','MARKET_BULLYING','PORN_GAMBLING_DRUGS','OTHER'])
         [1 + floor(r2 * 6)::int],
       '城区', '2019年', '基准线索' || id, '基准线索' || id, '基准 准线 线索', r3 < 0.05,
       case when r1 >= 0.95 then 'RECEIVED' when r1 >= 0.75 then 'TRANSFERRED'
            when r2 < 0.85 and r3 < 0.8 then 'CLOSED' when r2 < 0.85 then 'VERIFIED' else 'ASSIGNED' end,
       case when r1 < 0.75 then (array['GANG','EVIL'])[1 + floor(r2 * 2)::int] end,
       case when r1 < 0.95 then received + interval '1 day' end,
       case when r1 >= 0.75 and r1 < 0.95 then '区市场监管局' end,
       case when r1 >= 0.75 and r1 < 0.95 then received + interval '2 days' end,
       case when r1 < 0.75 then 30 end,
       case when r1 < 0.75 then (received at time zone 'Asia/Shanghai')::date + 32 end,
       case when r1 < 0.75 then received + interval '2 days' end,
       case when r1 < 0.75 and r2 < 0.85 then
         (array['TRUE','PARTLY_TRUE','UNTRUE','UNTRUE','CANNOT_VERIFY','CASE_OPENED'])[1 + floor(r3 * 6)::int] end,
       case when r1 < 0.75 and r2 < 0.85 then received + verify_days * interval '1 day' end,
       case when r1 < 0.75 and r2 < 0.85 and r3 < 0.8 then received + (verify_days + 3) * interval '1 day' end,
       case when r3 < 0.6 then received + (1 + floor(r2 * 5)) * interval '1 day' end,
       case when r2 > 0.99 and id > :cfrom then id - 1 end,
       case when r2 > 0.99 and id > :cfrom then received + interval '1 day' end
from bench_clue;
insert into clue_person (clue_id, kind, name)
select id, 'REPORTED', (array['王','李','张','刘','陈','杨','黄','赵','吴','周'])[1 + floor(r1 * 10)::int]
       || (array['建','国','明','华','军','平','强','伟','勇','刚'])[1 + floor(r2 * 10)::int]
       || (array['林','峰','磊','东','海','文','德','生','福','荣'])[1 + floor(r3 * 10)::int]
from bench_clue;
commit;
select setval('clue_id_seq', (select max(id) from clue));
