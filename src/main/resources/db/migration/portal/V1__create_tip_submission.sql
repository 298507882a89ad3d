-- Idempotent public submissions: the hash of an Idempotency-Key (API) or of the form's one-time token, with the answer
-- it got, so that a retry or a double click gives the same receipt and never a second clue. The receipt code is kept
-- encrypted (AES-GCM, the portal key) and only until the row is purged a day later; the clue itself keeps only a hash.
create table tip_submission (
  key_hash     bytea       primary key,
  request_hash bytea       not null,
  created_at   timestamptz not null,
  clue_id      bigint      references clue (id),
  serial       text,
  receipt      bytea
);
create index tip_submission_created_idx on tip_submission (created_at);
