-- The reporter's side of the conversation: messages they send with their receipt code, and files they add.
alter table clue_message add column from_reporter boolean not null default false;

create table clue_file (
  id            bigint generated always as identity primary key,
  clue_id       bigint      not null references clue (id),
  at            timestamptz not null,
  from_reporter boolean     not null,
  -- the key in the file store (a UUID Dudao chose); the name is for display only
  store_key     varchar(36) not null unique,
  name          text        not null,
  media_type    text        not null,
  size          int         not null
);
create index clue_file_clue_idx on clue_file (clue_id, at);
