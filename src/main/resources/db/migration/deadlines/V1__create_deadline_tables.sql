-- Each campaign's escalation thresholds (days); a campaign without a row uses the configured default.
create table deadline_policy (
  campaign_id                  bigint primary key,
  yellow_days                  int not null check (yellow_days between 0 and 90),
  reminder_before_days         int not null check (reminder_before_days between 0 and 90),
  notice_after_days            int not null check (notice_after_days between 1 and 90),
  notice_response_days         int not null check (notice_response_days between 1 and 90),
  accountability_response_days int not null check (accountability_response_days between 1 and 365)
);

-- One watched deadline per subject (a problem, a clue); moving it or starting a new cycle updates the row.
create table deadline_watch (
  id           bigint generated always as identity primary key,
  subject_type varchar(32) not null,
  subject_id   bigint      not null,
  cycle        int         not null,
  due          date        not null,
  campaign_id  bigint,
  region_path  text        not null,
  unit_id      bigint,
  title        text        not null,
  href         text        not null,
  active       boolean     not null,
  unique (subject_type, subject_id)
);
create index deadline_watch_due_idx on deadline_watch (due) where active;

-- The rungs issued. The unique key is what makes issuing idempotent: a second sweep, on this node or another,
-- inserts nothing.
create table deadline_step (
  id          bigint generated always as identity primary key,
  watch_id    bigint      not null references deadline_watch (id),
  cycle       int         not null,
  due         date        not null,
  rung        varchar(32) not null check (rung in ('REMINDER_BEFORE', 'REMINDER_AFTER', 'SUPERVISION_NOTICE', 'ACCOUNTABILITY')),
  issued_on   date        not null,
  issued_at   timestamptz not null,
  respond_by  date        not null,
  unit_id     bigint,
  region_path text        not null,
  title       text        not null,
  href        text        not null,
  number      text,
  notice_year int,
  notice_seq  int,
  unique (watch_id, cycle, due, rung),
  unique (notice_year, notice_seq)
);
create index deadline_step_unit_idx on deadline_step (unit_id, issued_at desc);
create index deadline_step_region_idx on deadline_step (region_path text_pattern_ops);

-- Supervision notice numbers, gap-free per year: the row is locked by the transaction that takes a number.
create table supervision_notice_counter (
  year int primary key,
  last int not null
);

-- db-scheduler's own table (its PostgreSQL schema).
create table scheduled_tasks (
  task_name            text                     not null,
  task_instance        text                     not null,
  task_data            bytea,
  execution_time       timestamp with time zone not null,
  picked               boolean                  not null,
  picked_by            text,
  last_success         timestamp with time zone,
  last_failure         timestamp with time zone,
  consecutive_failures int,
  last_heartbeat       timestamp with time zone,
  version              bigint                   not null,
  priority             smallint,
  primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
