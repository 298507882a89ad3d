-- Median server-side latency of the two queries that must stay fast as clues grow, run as the city office
-- (jurisdiction the whole city, its account name excluded as named person), on :samples random clues.
-- The SQL is ClueList.similar and ClueList.find (keyword: the count, then the first page of 50), as the app sends it.
-- Usage: psql -v samples=50 -f measure.sql   (prints "similar_ms|search_ms|clues")

create or replace function pg_temp.bench_similar(target bigint) returns int language plpgsql as $$
declare n int;
begin
  select count(*) into n from (
    with me as (select id, grams, region_path, phone_index, id_index, clue_bands(grams, region_path) as bands
                from clue where id = target),
         names as (select p.name from clue_person p, me
                   where p.clue_id = me.id and p.name <> all (array['不清楚','不知道','未知','unknown'])
                     and p.name not like '%某%'),
         banded as (
           select b.clue_id from me, unnest(me.bands) mb(band)
           cross join lateral (select cb.clue_id from clue_band cb
                               where cb.band = mb.band and cb.clue_id <> me.id
                               order by cb.clue_id desc limit 30) b
           group by b.clue_id
           order by count(*) desc, b.clue_id desc
           limit 60),
         cand as (
           select clue_id as id from banded
           union
           select c.id from clue c, me where c.phone_index = me.phone_index and c.id <> me.id
           union
           select c.id from clue c, me where c.id_index = me.id_index and c.id <> me.id
           union
           select p.clue_id from clue_person p join names n on n.name = p.name, me
           where p.clue_id <> me.id)
    select * from (
      select c.id, c.serial, c.status, r.name as region_name, left(c.description, 80) as summary,
             similarity(c.grams, me.grams) as score,
             coalesce(c.phone_index = me.phone_index, false) as same_phone,
             coalesce(c.id_index = me.id_index, false) as same_id,
             exists (select 1 from clue_person p join names n on n.name = p.name
                     where p.clue_id = c.id) as same_person
      from cand join clue c on c.id = cand.id join region r on r.code = c.region_code, me
      where (c.region_path like '/500000/%' and not exists (select 1 from clue_person np where np.clue_id = c.id
             and np.name in ('市扫黑办 王敏', '王敏')))
      ) s
    where s.score >= 0.2 or s.same_phone or s.same_id or s.same_person
    order by s.same_phone or s.same_id desc, s.score desc, s.id desc
    limit 20) q;
  return n;
end $$;

create or replace function pg_temp.bench_search(keyword text) returns int language plpgsql as $$
declare n int; total int;
begin
  select count(*) into total from clue c
    where (c.region_path like '/500000/%' and not exists (select 1 from clue_person np where np.clue_id = c.id
           and np.name in ('市扫黑办 王敏', '王敏')))
      and c.search_text like '%' || keyword || '%';
  select count(*) into n from (
    select c.id, c.serial, r.name, u.name, m.serial
    from clue c
    join region r on r.code = c.region_code
    left join unit u on u.id = c.handling_unit_id
    left join clue m on m.id = c.merged_into
    where (c.region_path like '/500000/%' and not exists (select 1 from clue_person np where np.clue_id = c.id
           and np.name in ('市扫黑办 王敏', '王敏')))
      and c.search_text like '%' || keyword || '%'
    order by c.received_at desc, c.id desc limit 50) q;
  return n;
end $$;

-- The samples: random clues, and as keywords a personal name and a 4-character phrase from random clues.
create temporary table bench_sample as
  select c.id, case when s.i % 2 = 0 then p.name else substr(c.description, 6 + (c.id % 20)::int, 4) end as keyword
  from (select i, (select min(id) from clue) + floor(random() * ((select max(id) from clue) - (select min(id) from clue)))::bigint as id
        from generate_series(1, :samples) i) s
  join clue c on c.id = s.id
  join clue_person p on p.clue_id = c.id;

-- Warm up once, then time each sample.
select count(pg_temp.bench_similar(id)) + count(pg_temp.bench_search(keyword)) as warm from (select * from bench_sample limit 3) w \gset

create temporary table bench_time (kind text, ms numeric);
do $$
declare s record; t0 timestamptz;
begin
  for s in select * from bench_sample loop
    t0 := clock_timestamp();
    perform pg_temp.bench_similar(s.id);
    insert into bench_time values ('similar', extract(epoch from clock_timestamp() - t0) * 1000);
    t0 := clock_timestamp();
    perform pg_temp.bench_search(s.keyword);
    insert into bench_time values ('search', extract(epoch from clock_timestamp() - t0) * 1000);
  end loop;
end $$;

select round((percentile_cont(0.5) within group (order by ms) filter (where kind = 'similar'))::numeric, 2) as similar_ms,
       round((percentile_cont(0.5) within group (order by ms) filter (where kind = 'search'))::numeric, 2) as search_ms,
       (select count(*) from clue) as clues
from bench_time;
