-- A campaign (专项斗争) configures what its groups look at (focus areas with checklist items), how clues are sorted
-- (categories with time limits) and which places count as listed key areas or weak villages.
create table campaign (
  id          bigint generated always as identity primary key,
  name        text        not null unique,
  kind        varchar(32) not null check (kind in ('ANTI_GANG', 'ENVIRONMENT', 'DISCIPLINE_TOUR', 'SAFETY', 'OTHER')),
  created_at  timestamptz not null default now()
);

create table focus_area (
  id          bigint generated always as identity primary key,
  campaign_id bigint  not null references campaign (id),
  position    int     not null,
  name        text    not null,
  unique (campaign_id, name),
  unique (campaign_id, position)
);

create table checklist_item (
  id            bigint generated always as identity primary key,
  focus_area_id bigint not null references focus_area (id),
  position      int    not null,
  text          text   not null,
  unique (focus_area_id, position)
);

create table clue_category (
  id               bigint generated always as identity primary key,
  campaign_id      bigint      not null references campaign (id),
  code             varchar(32) not null check (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
  name             text        not null,
  time_limit_days  int         not null check (time_limit_days between 1 and 365),
  unique (campaign_id, code)
);

-- Places the campaign lists for particular attention: city-listed key public-order areas (挂牌重点整治地区) and weak
-- or lax village party organisations (软弱涣散村). Coverage counts them.
create table key_place (
  id          bigint generated always as identity primary key,
  campaign_id bigint      not null references campaign (id),
  region_code varchar(20) not null references region (code),
  kind        varchar(16) not null check (kind in ('LISTED_AREA', 'WEAK_VILLAGE')),
  unique (campaign_id, region_code, kind)
);

create table round (
  id          bigint generated always as identity primary key,
  campaign_id bigint not null references campaign (id),
  name        text   not null,
  starts_on   date   not null,
  ends_on     date   not null,
  check (ends_on >= starts_on),
  unique (campaign_id, name)
);

create table round_phase (
  round_id   bigint      not null references round (id),
  kind       varchar(16) not null check (kind in ('DISTRICT_LEVEL', 'TOWNSHIPS', 'SUMMARY')),
  name       text        not null,
  starts_on  date        not null,
  ends_on    date        not null,
  check (ends_on >= starts_on),
  primary key (round_id, kind)
);

create table inspection_group (
  id             bigint generated always as identity primary key,
  round_id       bigint      not null references round (id),
  number         int         not null check (number between 1 and 999),
  region_code    varchar(20) not null references region (code),
  hotline        varchar(32),
  mailbox        text,
  office_address text,
  posted_from    date        not null,
  posted_until   date        not null,
  version        int         not null default 0,
  check (posted_until >= posted_from),
  unique (round_id, number),
  unique (round_id, region_code)
);
create index inspection_group_region_idx on inspection_group (region_code);

create table group_member (
  group_id  bigint      not null references inspection_group (id),
  staff_id  bigint      not null references staff (id),
  role      varchar(16) not null check (role in ('LEADER', 'MEMBER')),
  primary key (group_id, staff_id)
);
create index group_member_staff_idx on group_member (staff_id);
-- One leader per group.
create unique index group_member_one_leader on group_member (group_id) where role = 'LEADER';

-- A checklist item assessed for the district a group is stationed in; a FAILS result is a finding.
create table checklist_assessment (
  id           bigint generated always as identity primary key,
  group_id     bigint      not null references inspection_group (id),
  item_id      bigint      not null references checklist_item (id),
  result       varchar(16) not null check (result in ('MEETS', 'PARTLY', 'FAILS')),
  notes        text,
  evidence     text,
  assessed_by  bigint      not null references staff (id),
  assessed_at  timestamptz not null,
  version      int         not null default 0,
  unique (group_id, item_id)
);
create index checklist_assessment_fails_idx on checklist_assessment (group_id) where result = 'FAILS';
