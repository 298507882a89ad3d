-- Generates clues :from .. :to (ids) straight through SQL, with text varied enough to look like real tips:
-- district and township names from the region table, full personal names, places, activities and outcomes drawn
-- from pools. Identity columns hold random bytes (the benchmark never decrypts), 70% of clues have a phone blind
-- index drawn from 300,000 numbers (so "same phone" matches exist), one named person each.
-- Usage: psql -v from=1 -v to=10000 -f generate.sql

-- The unused salt ties each call to its row, so that PostgreSQL draws again for every clue.
create or replace function pg_temp.pick(a text[], salt bigint) returns text language sql volatile as
  $$ select a[1 + floor(random() * cardinality(a))::int] $$;

create or replace function pg_temp.grams(t text) returns text language sql immutable as $$
  select coalesce((select string_agg(substr(s, i, 2), ' ' order by i) from generate_series(1, char_length(s) - 1) i), s)
  from (select regexp_replace(t, '[^[:alnum:]]+', '', 'g') as s) x $$;

create temporary table if not exists bench_town as
  select row_number() over (order by t.code)::int as n, t.name as town, d.code as district,
         d.name as district_name, d.path as district_path
  from (select t.code, t.name, t.parent_code from region t where t.level = 'TOWNSHIP'
        union all
        select d.code || 'X', d.name || '城区', d.code from region d where d.level = 'DISTRICT') t
  join region d on d.code = t.parent_code;
create unique index if not exists bench_town_n on bench_town (n);
select count(*) as towns from bench_town \gset

create temporary table if not exists bench_pool (k text primary key, a text[]);
insert into bench_pool values
 ('surname', '{王,李,张,刘,陈,杨,黄,赵,吴,周,徐,孙,马,朱,胡,郭,何,高,林,罗,郑,梁,谢,宋,唐,许,韩,冯,邓,曹,彭,曾,肖,田,董,袁,潘,于,蒋,蔡,余,杜,叶,程,苏,魏,吕,丁,任,沈,姚,卢,姜,崔,钟,谭,陆,汪,范,金,石,廖,贾,夏,韦,付,方,白,邹,孟,熊,秦,邱,江,尹,薛,闫,段,雷,侯,龙,史,陶,黎,贺,顾,毛,郝,龚,邵,万,钱,严,覃,武,戴,莫,孔,向,汤}'),
 ('given', '{建,国,明,华,军,平,强,伟,勇,刚,斌,波,辉,杰,涛,超,亮,鹏,飞,兵,林,峰,磊,东,海,文,德,生,福,荣,富,贵,春,秋,红,英,芳,玲,丽,霞,燕,敏,静,云,龙,虎,彪,豹,山,川}'),
 ('place', '{砂石厂,茶楼,农贸市场,建筑工地,KTV,酒店,物流园,客运站,采石场,养殖场,网吧,小区,停车场,洗浴中心,棋牌室,码头,搅拌站,菜市场,水库,渔场,商业街,批发市场,驾校,汽修厂,屠宰场}'),
 ('lead', '{长期,多次,近年来,去年以来,今年以来,一直,经常,多年来,春节前后,夜间}'),
 ('verb', '{纠集社会闲散人员,指使手下,带领一伙人,伙同其亲属,雇佣打手,利用其宗族势力,依仗其亲戚关系,勾结村干部}'),
 ('act', '{强迫商户高价购买其砂石,放高利贷并暴力催收,开设赌场抽头渔利,夜间非法采砂,欺行霸市垄断运输,强揽周边工程,向摊贩收取保护费,殴打阻拦的村民,敲诈勒索过往货车,寻衅滋事扰乱秩序,操纵村委会选举,霸占集体鱼塘,垄断红白喜事服务,非法拘禁欠款人,强占集体土地建房,组织卖淫活动,贩卖毒品,威胁竞争对手退出,强收停车费,阻挠项目施工索要好处}'),
 ('outcome', '{群众敢怒不敢言,多次举报无果,造成恶劣影响,受害人不敢报警,周边商户苦不堪言,当地群众反映强烈,疑有公职人员包庇,已有多人受伤,严重扰乱市场秩序,影响企业正常经营}')
on conflict (k) do nothing;

insert into clue (id, serial, serial_year, serial_number, channel, received_at, recorded_at, region_code, region_path,
                  anonymous, has_contact, phone_index, receipt_hash, category, place, activity_time, description,
                  search_text, grams, officials_named, status)
select g.id,
       '渝扫线〔' || (2018 + g.id / 400000) || '〕' || lpad(g.id::text, 7, '0') || '号',
       2018 + g.id / 400000, g.id,
       (array['HOTLINE','LETTER','VISIT','SWEEP','TRANSFER','WEB'])[1 + floor(random() * 6)::int],
       timestamptz '2018-07-16 09:00+08' + (g.id * interval '90 seconds'),
       now(), t.district, t.district_path,
       rr.r < 0.3, rr.r >= 0.3,
       case when rr.r >= 0.3 then decode(md5('phone' || floor(random() * 300000)::int), 'hex') end,
       decode(md5('receipt' || g.id), 'hex'),
       (array['FORCED_TRADING','VILLAGE_BULLY','ILLEGAL_LENDING','MARKET_BULLYING','PORN_GAMBLING_DRUGS','OTHER'])
         [1 + floor(random() * 6)::int],
       t.town, '2018年', d.description, d.description || ' ' || d.name, pg_temp.grams(d.description),
       random() < 0.05, 'RECEIVED'
from generate_series(:from, :to) as g(id)
cross join lateral (select random() as r, 1 + floor(random() * :towns)::int as k, g.id as gid) rr
join bench_town t on t.n = rr.k
cross join lateral (
  select pg_temp.pick((select a from bench_pool where k = 'surname'), g.id)
         || pg_temp.pick((select a from bench_pool where k = 'given'), g.id)
         || pg_temp.pick((select a from bench_pool where k = 'given'), g.id) as name) n
cross join lateral (
  select n.name,
         t.district_name || t.town || '的' || pg_temp.pick((select a from bench_pool where k = 'place'), g.id)
         || '老板' || n.name || pg_temp.pick((select a from bench_pool where k = 'lead'), g.id)
         || pg_temp.pick((select a from bench_pool where k = 'verb'), g.id)
         || pg_temp.pick((select a from bench_pool where k = 'act'), g.id) || '，'
         || pg_temp.pick((select a from bench_pool where k = 'act'), g.id) || '，'
         || pg_temp.pick((select a from bench_pool where k = 'outcome'), g.id) as description) d;

insert into clue_person (clue_id, kind, name)
select c.id, 'REPORTED', substring(c.search_text from ' (\S+)$') from clue c where c.id between :from and :to;

select setval('clue_id_seq', (select max(id) from clue));
analyze clue;
analyze clue_person;
