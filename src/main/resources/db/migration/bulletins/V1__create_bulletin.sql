-- A published daily bulletin (每日通报): a snapshot of the round's figures for a day, per district and per group, with
-- the text as a template bound to the figures' names. The snapshot never changes; live figures are derived anew.
create table bulletin (
  id                bigserial    primary key,
  round_id          bigint       not null,
  day               date         not null,
  year              int          not null,
  number            int          not null,
  tables            jsonb        not null,
  template          text         not null,
  practices         jsonb        not null,
  published_by      bigint       not null,
  published_by_name varchar(200) not null,
  published_at      timestamptz  not null,
  unique (round_id, day),
  unique (year, number)
);
