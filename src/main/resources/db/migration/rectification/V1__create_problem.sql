-- The problem list. Status, cycle, deadline and the pending feedback and extension are the aggregate's state;
-- "overdue" is derived from deadline and the clock and has no column on purpose.
create table problem (
  id               bigint generated always as identity primary key,
  campaign_id      bigint      not null references campaign (id),
  round_id         bigint      not null references round (id),
  group_id         bigint      not null references inspection_group (id),
  region_code      varchar(20) not null references region (code),
  region_path      text        not null,
  focus_area_id    bigint      references focus_area (id),
  source           varchar(16) not null check (source in ('FIELDWORK', 'CHECKLIST', 'CLUE', 'MANUAL', 'IMPORT')),
  title            text        not null,
  description      text        not null,
  responsibility   text,
  suggestion       text,
  evidence         text,
  status           varchar(24) not null
                   check (status in ('RECORDED', 'ASSIGNED', 'RECTIFYING', 'FEEDBACK_SUBMITTED', 'CLOSED')),
  cycle            int         not null default 1,
  deadline         date,
  -- The first day the warning is yellow, under the campaign's policy when the deadline was set.
  yellow_from      date,
  feedback_by      bigint      references staff (id),
  feedback_unit    bigint      references unit (id),
  ext_requested_by bigint      references staff (id),
  ext_unit         bigint      references unit (id),
  ext_new_deadline date,
  ext_reason       text,
  recorded_by      bigint      not null references staff (id),
  recorded_at      timestamptz not null,
  version          bigint      not null default 0
);
create index problem_region_idx on problem (region_path text_pattern_ops);
create index problem_round_group_idx on problem (round_id, group_id);
create index problem_status_deadline_idx on problem (status, deadline);

-- Lead (牵头) and assisting (配合) units, each with its own status.
create table problem_unit (
  problem_id bigint      not null references problem (id),
  unit_id    bigint      not null references unit (id),
  lead       boolean     not null,
  status     varchar(24) not null check (status in ('ASSIGNED', 'RECTIFYING', 'FEEDBACK_SUBMITTED', 'DONE')),
  primary key (problem_id, unit_id)
);
create index problem_unit_unit_idx on problem_unit (unit_id);
create unique index problem_unit_one_lead_idx on problem_unit (problem_id) where lead;

-- The full timeline: every transition and every escalation, who, when, why. Append-only. status and deadline are
-- those in force after the entry (null for escalations, which change neither), so statistics can be computed as of
-- any date.
create table problem_event (
  id                bigint generated always as identity primary key,
  problem_id        bigint      not null references problem (id),
  step              varchar(32) not null,
  cycle             int         not null,
  by_staff          bigint      references staff (id),
  by_name           text        not null,
  unit_id           bigint      references unit (id),
  at                timestamptz not null,
  status            varchar(24),
  deadline          date,
  previous_deadline date,
  text              text
);
create index problem_event_problem_idx on problem_event (problem_id, at, id);

-- Evidence files, stored under the data directory; the type is what the content is, not what the browser said.
create table problem_evidence (
  id           bigint generated always as identity primary key,
  problem_id   bigint      not null references problem (id),
  event_id     bigint      not null references problem_event (id),
  file_name    text        not null,
  content_type text        not null,
  size_bytes   bigint      not null,
  sha256       text        not null,
  stored_as    text        not null,
  uploaded_by  bigint      not null references staff (id),
  uploaded_at  timestamptz not null
);
create index problem_evidence_event_idx on problem_evidence (event_id);
