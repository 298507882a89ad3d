-- Evidence and letter scans. The bytes live in the data directory, SM4-GCM encrypted under a random key per file
-- (wrapped by the master key): a letter's scan carries the reporter's name and address as surely as the form does.
create table clue_attachment (
  id           bigint generated always as identity primary key,
  clue_id      bigint      not null references clue (id),
  name         text        not null,
  content_type varchar(64) not null,
  size         bigint      not null,
  sha256       bytea       not null,
  file_key     bytea       not null,
  stored_as    text        not null unique,
  added_at     timestamptz not null,
  added_by     text        not null
);
create index clue_attachment_clue_idx on clue_attachment (clue_id);
