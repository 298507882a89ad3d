-- Clues (线索): public tips and their handling. Region, group number and round are plain columns: the campaign module
-- owns groups and rounds, and a clue must not wait for them to exist.
create extension if not exists pg_trgm;

-- One counter row per year, locked by the intake transaction (insert … on conflict do update): a rolled-back intake
-- gives its number back, so serial numbers are never repeated and never skipped.
create table clue_serial (
  year        int primary key,
  last_number int not null
);

create sequence clue_id_seq;

create table clue (
  id                  bigint      primary key default nextval('clue_id_seq'),
  serial              text        not null unique,
  serial_year         int         not null,
  serial_number       int         not null,
  channel             varchar(16) not null check (channel in ('HOTLINE', 'LETTER', 'VISIT', 'SWEEP', 'TRANSFER', 'WEB')),
  received_at         timestamptz not null,
  recorded_at         timestamptz not null default now(),
  recorded_by         text,
  region_code         varchar(20) not null references region (code),
  region_path         text        not null,
  group_number        int,
  round_id            bigint,
  -- The reporter: everything identifying is SM4-GCM ciphertext under a per-clue data key (reporter_key, wrapped by
  -- the master key); phone_index and id_index are keyed HMAC-SM3 blind indexes of the normalised values.
  anonymous           boolean     not null,
  has_contact         boolean     not null,
  reporter_key        bytea,
  reporter_name       bytea,
  reporter_phone      bytea,
  reporter_id_number  bytea,
  reporter_address    bytea,
  phone_index         bytea,
  id_index            bytea,
  receipt_hash        bytea       not null unique,
  -- The activity.
  category            varchar(32) not null,
  place               text        not null,
  activity_time       text        not null,
  description         text        not null,
  search_text         text        not null,
  -- The description as overlapping character pairs ("珞璜 璜镇 镇砂 …"): Chinese has no spaces, and pg_trgm on these
  -- pairs measures a re-worded tip against another far better than on the raw text.
  grams               text        not null,
  officials_named     boolean     not null,
  -- The workflow, owned by the Clue aggregate.
  status              varchar(16) not null,
  scope               varchar(8),
  sub_category        varchar(32),
  triaged_at          timestamptz,
  transfer_department text,
  transfer_letter     text,
  transferred_at      timestamptz,
  handling_unit_id    bigint      references unit (id),
  time_limit_days     int,
  due_on              date,
  assigned_at         timestamptz,
  verify_methods      text,
  findings            text,
  result              varchar(16),
  verified_at         timestamptz,
  verified_by         text,
  review_comment      text,
  reviewed_at         timestamptz,
  send_backs          int         not null default 0,
  replied_at          timestamptz,
  closed_at           timestamptz,
  merged_into         bigint      references clue (id),
  merged_at           timestamptz,
  status_before_merge varchar(16),
  key_clue            boolean     not null default false,
  study_conclusion    text,
  recheck             boolean     not null default false,
  demo                boolean     not null default false,
  version             int         not null default 0,
  unique (serial_year, serial_number)
);
create index clue_region_path_idx on clue (region_path text_pattern_ops);
create index clue_received_idx on clue (received_at desc, id desc);
create index clue_status_idx on clue (status);
create index clue_unit_idx on clue (handling_unit_id);
create index clue_phone_index_idx on clue (phone_index) where phone_index is not null;
create index clue_id_index_idx on clue (id_index) where id_index is not null;
create index clue_merged_into_idx on clue (merged_into) where merged_into is not null;
create index clue_grams_trgm_idx on clue using gin (grams gin_trgm_ops);
create index clue_search_trgm_idx on clue using gin (search_text gin_trgm_ops);

-- The reported persons or organisations and the protective officials named ("不清楚" allowed).
create table clue_person (
  id        bigint generated always as identity primary key,
  clue_id   bigint      not null references clue (id),
  kind      varchar(10) not null check (kind in ('REPORTED', 'OFFICIAL')),
  name      text        not null,
  detail    text        not null default ''
);
create index clue_person_clue_idx on clue_person (clue_id);
create index clue_person_name_idx on clue_person (name);

-- The clue's timeline. Notes never hold the reporter's identity.
create table clue_event (
  id        bigint generated always as identity primary key,
  clue_id   bigint      not null references clue (id),
  at        timestamptz not null,
  actor     text        not null,
  action    varchar(24) not null,
  note      text
);
create index clue_event_clue_idx on clue_event (clue_id, at);

-- Replies to the reporter, read with the receipt code.
create table clue_message (
  id        bigint generated always as identity primary key,
  clue_id   bigint      not null references clue (id),
  at        timestamptz not null,
  author    text        not null,
  body      text        not null
);
create index clue_message_clue_idx on clue_message (clue_id, at);
