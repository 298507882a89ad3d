-- The awareness survey (调查问卷, 知晓率): one questionnaire per campaign with configurable questions. Answers arrive
-- as batches: one online response is a batch of one; a group entering a stack of paper forms enters their tallies.
create table survey_question (
  id          bigint generated always as identity primary key,
  campaign_id bigint      not null references campaign (id),
  position    int         not null,
  text        text        not null check (length(text) between 2 and 200),
  -- What the question measures: KNOWS_CAMPAIGN (awareness rate), KNOWS_HOTLINE, WOULD_REPORT (participation), OTHER.
  purpose     varchar(20) not null check (purpose in ('KNOWS_CAMPAIGN', 'KNOWS_HOTLINE', 'WOULD_REPORT', 'OTHER')),
  active      boolean     not null default true,
  unique (campaign_id, position)
);

create table survey_batch (
  id          bigint generated always as identity primary key,
  round_id    bigint      not null references round (id),
  region_code varchar(20) not null references region (code),
  channel     varchar(10) not null check (channel in ('ONLINE', 'PAPER')),
  answered_on date        not null,
  respondents int         not null check (respondents between 1 and 100000),
  entered_by  bigint      references staff (id),
  created_at  timestamptz not null default now()
);
create index survey_batch_round_idx on survey_batch (round_id, answered_on);

create table survey_tally (
  batch_id    bigint not null references survey_batch (id),
  question_id bigint not null references survey_question (id),
  yes         int    not null check (yes >= 0),
  no          int    not null check (no >= 0),
  unsure      int    not null check (unsure >= 0),
  primary key (batch_id, question_id)
);
