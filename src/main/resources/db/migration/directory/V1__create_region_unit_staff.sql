-- The region tree. path is the materialised path of codes ('/500000/500116/'); a jurisdiction is a path prefix,
-- so "everything in 江津区" is one index range scan (text_pattern_ops) at any depth.
create table region (
  code        varchar(20) primary key check (code ~ '^[0-9A-Z]{2,20}$'),
  parent_code varchar(20) references region (code),
  name        text        not null,
  level       varchar(16) not null check (level in ('CITY', 'DISTRICT', 'TOWNSHIP', 'VILLAGE')),
  path        text        not null unique,
  sort_order  int         not null default 0
);
create index region_path_idx on region (path text_pattern_ops);
create index region_parent_idx on region (parent_code);

-- Departments and bodies at each level that can be assigned work: 政法委, 公安局/分局, 检察院, 法院, 纪委监委, 镇街…
create table unit (
  id          bigint generated always as identity primary key,
  region_code varchar(20) not null references region (code),
  name        text        not null,
  kind        varchar(32) not null,
  unique (region_code, name)
);
create index unit_region_idx on unit (region_code);

create table staff (
  id                bigint generated always as identity primary key,
  username          varchar(64) not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name      text        not null,
  password_hash     text        not null,
  role              varchar(32) not null,
  region_code       varchar(20) not null references region (code),
  unit_id           bigint      references unit (id),
  enabled           boolean     not null default true,
  -- Demo accounts sign in without a second factor; a production start refuses to run while any is enabled.
  demo              boolean     not null default false,
  second_factor_required boolean not null default true,
  totp_secret       text,
  totp_last_step    bigint,
  failed_sign_ins   int         not null default 0,
  locked_until      timestamptz,
  created_at        timestamptz not null default now(),
  version           int         not null default 0
);
create index staff_region_idx on staff (region_code);

-- API bearer tokens, stored only as SHA-256 of the token so that a copy of the table signs nobody in.
create table api_token (
  token_hash  bytea       primary key,
  staff_id    bigint      not null references staff (id),
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null
);
create index api_token_staff_idx on api_token (staff_id);
