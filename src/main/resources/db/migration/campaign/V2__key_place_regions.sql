-- Communities and villages the demo campaign lists as key areas or weak villages, beyond those the directory already
-- holds (花园社区 and 高店子社区 in 沙坪坝区, 凉风垭社区 in 潼南区). Names are illustrative; codes follow the directory's
-- numbering (township code + three digits).
insert into region (code, parent_code, name, level, path, sort_order) values ('500106002001', '500106002', '三角碑社区', 'VILLAGE', '/500000/500106/500106002/500106002001/', 1);
insert into region (code, parent_code, name, level, path, sort_order) values ('500106004001', '500106004', '磁器口社区', 'VILLAGE', '/500000/500106/500106004/500106004001/', 1);
insert into region (code, parent_code, name, level, path, sort_order) values ('500152001002', '500152001', '兴潼社区', 'VILLAGE', '/500000/500152/500152001/500152001002/', 2);
insert into region (code, parent_code, name, level, path, sort_order) values ('500152002001', '500152002', '金佛社区', 'VILLAGE', '/500000/500152/500152002/500152002001/', 1);
insert into region (code, parent_code, name, level, path, sort_order) values ('500152003001', '500152003', '上和社区', 'VILLAGE', '/500000/500152/500152003/500152003001/', 1);
insert into region (code, parent_code, name, level, path, sort_order) values ('500152010001', '500152010', '双江社区', 'VILLAGE', '/500000/500152/500152010/500152010001/', 1);
insert into region (code, parent_code, name, level, path, sort_order) values ('500152005001', '500152005', '新华村', 'VILLAGE', '/500000/500152/500152005/500152005001/', 1);
insert into region (code, parent_code, name, level, path, sort_order) values ('500152008001', '500152008', '大佛村', 'VILLAGE', '/500000/500152/500152008/500152008001/', 1);
insert into region (code, parent_code, name, level, path, sort_order) values ('500152013001', '500152013', '龙滩村', 'VILLAGE', '/500000/500152/500152013/500152013001/', 1);
insert into region (code, parent_code, name, level, path, sort_order) values ('500152017001', '500152017', '响滩村', 'VILLAGE', '/500000/500152/500152017/500152017001/', 1);
insert into region (code, parent_code, name, level, path, sort_order) values ('500152020001', '500152020', '太平村', 'VILLAGE', '/500000/500152/500152020/500152020001/', 1);
