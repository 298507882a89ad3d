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

-- Districts drawn uniformly (each a list of its townships, or "城区" where the tree lists none).
create temporary table if not exists bench_district as
  select row_number() over (order by d.code)::int as n, d.code as district, d.name as district_name,
         d.path as district_path,
         coalesce((select array_agg(t.name order by t.code) from region t
                   where t.parent_code = d.code and t.level = 'TOWNSHIP'), array['城区']) as towns
  from region d where d.level = 'DISTRICT';
create unique index if not exists bench_district_n on bench_district (n);
select count(*) as districts from bench_district \gset

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
-- Free text: a tip's own words, drawn from the 500 commonest characters.
insert into bench_pool values ('char', string_to_array('的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严', NULL)) on conflict (k) do nothing;

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
cross join lateral (select random() as r, 1 + floor(random() * :districts)::int as k, g.id as gid) rr
join bench_district dd on dd.n = rr.k
cross join lateral (select dd.district, dd.district_name, dd.district_path,
                           pg_temp.pick(dd.towns, g.id) as town) t
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
         || (select string_agg(pg_temp.pick((select a from bench_pool where k = 'char'), g.id + i), '')
             from generate_series(1, 12 + (g.id % 13)::int) i) || '，'
         || pg_temp.pick((select a from bench_pool where k = 'outcome'), g.id) as description) d;

insert into clue_person (clue_id, kind, name)
select c.id, 'REPORTED', substring(c.search_text from ' (\S+)$') from clue c where c.id between :from and :to;

select setval('clue_id_seq', (select max(id) from clue));
analyze clue;
analyze clue_person;
analyze clue_band;
