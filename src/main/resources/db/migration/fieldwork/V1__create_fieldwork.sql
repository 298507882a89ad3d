-- A group's figures for one day of its posting: one row per day, the counts by kind and phase beside it. A second
-- submission for the same day is a correction: it needs a reason, and the figures before and after are kept.
create table fieldwork_day (
  id           bigint generated always as identity primary key,
  group_id     bigint      not null references inspection_group (id),
  day          date        not null,
  recorded_by  bigint      not null references staff (id),
  recorded_at  timestamptz not null,
  version      int         not null default 0,
  unique (group_id, day)
);
create index fieldwork_day_day_idx on fieldwork_day (day, group_id);

create table fieldwork_count (
  day_id  bigint      not null references fieldwork_day (id) on delete cascade,
  kind    varchar(16) not null check (kind in ('DOCUMENTS', 'RESIDENTS', 'QUESTIONNAIRES', 'UNITS', 'TALKS',
                                               'TOWNSHIPS', 'KEY_AREAS')),
  phase   varchar(16) not null check (phase in ('DISTRICT_LEVEL', 'TOWNSHIPS', 'SUMMARY')),
  amount  int         not null check (amount >= 0),
  primary key (day_id, kind, phase)
);

create table fieldwork_correction (
  id          bigint generated always as identity primary key,
  day_id      bigint      not null references fieldwork_day (id),
  reason      text        not null,
  before      text        not null,
  after       text        not null,
  corrected_by bigint     not null references staff (id),
  corrected_at timestamptz not null
);
create index fieldwork_correction_day_idx on fieldwork_correction (day_id);

-- A visit: a place (a region node, a unit, or a named place such as a market or a station), open or covert.
create table visit (
  id              bigint generated always as identity primary key,
  group_id        bigint      not null references inspection_group (id),
  day             date        not null,
  region_code     varchar(20) references region (code),
  unit_id         bigint      references unit (id),
  place           text        not null,
  place_kind      varchar(16) not null check (place_kind in ('TOWNSHIP', 'VILLAGE', 'COMMUNITY', 'DEPARTMENT',
                                                             'MARKET', 'STATION', 'SCENIC_AREA', 'OTHER')),
  mode            varchar(8)  not null check (mode in ('OPEN', 'COVERT')),
  listed_key_area boolean     not null default false,
  findings        text,
  recorded_by     bigint      not null references staff (id),
  recorded_at     timestamptz not null
);
create index visit_group_idx on visit (group_id, day);
