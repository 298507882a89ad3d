-- Scheduled look-backs (回头看): a closed problem is due for a re-check some days after its closure. One row per
-- problem and cycle, so that however many nodes run the scheduled task, each look-back is issued once. done_at is
-- set when the look-back is recorded: no relapse found, or the problem reopened.
create table problem_look_back (
  problem_id  bigint      not null references problem (id),
  cycle       int         not null,
  closed_on   date        not null,
  due_on      date        not null,
  region_path text        not null,
  issued_at   timestamptz not null,
  done_at     timestamptz,
  primary key (problem_id, cycle)
);
create index problem_look_back_open_idx on problem_look_back (region_path text_pattern_ops) where done_at is null;
