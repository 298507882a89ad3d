-- The benchmark's round: a year (2019) of the demo campaign, its 40 groups stationed where the demo round's were,
-- and each group's fieldwork for every day of the year (seven kinds, in the phase of the day).
-- Usage: psql -f setup.sql   (after the application has created the demo campaign)
insert into round (campaign_id, name, starts_on, ends_on)
select campaign_id, 'bench year 2019', date '2019-01-01', date '2019-12-31' from round order by id limit 1;
select id as round from round where name = 'bench year 2019' \gset

insert into round_phase (round_id, kind, name, starts_on, ends_on) values
  (:round, 'DISTRICT_LEVEL', '区县层面', '2019-01-01', '2019-04-30'),
  (:round, 'TOWNSHIPS', '下沉镇街', '2019-05-01', '2019-10-31'),
  (:round, 'SUMMARY', '汇总反馈', '2019-11-01', '2019-12-31');

insert into inspection_group (round_id, number, region_code, posted_from, posted_until)
select :round, g.number, g.region_code, date '2019-01-01', date '2019-12-31'
from inspection_group g where g.round_id = (select min(id) from round);

insert into fieldwork_day (group_id, day, recorded_by, recorded_at)
select g.id, d::date, (select min(id) from staff), d + interval '20 hours'
from inspection_group g, generate_series(date '2019-01-01', date '2019-12-31', interval '1 day') d
where g.round_id = :round;

insert into fieldwork_count (day_id, kind, phase, amount)
select fd.id, k.kind,
       case when fd.day < date '2019-05-01' then 'DISTRICT_LEVEL' when fd.day < date '2019-11-01' then 'TOWNSHIPS'
            else 'SUMMARY' end,
       floor(random() * k.scale)::int
from fieldwork_day fd join inspection_group g on g.id = fd.group_id,
     (values ('DOCUMENTS', 60), ('RESIDENTS', 10), ('QUESTIONNAIRES', 30), ('UNITS', 4), ('TALKS', 6),
             ('TOWNSHIPS', 2), ('KEY_AREAS', 2)) k(kind, scale)
where g.round_id = :round;
analyze fieldwork_day;
analyze fieldwork_count;
