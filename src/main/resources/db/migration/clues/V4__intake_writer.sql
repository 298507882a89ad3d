-- Web tips are written in batches by one writer per node (IntakeWriter): many tips, one transaction, one update of the
-- year's counter row. The Idempotency-Key of each web tip is kept here, in the same transaction as its clue, with the
-- receipt code sealed under a key derived from the clue master key, for a day: a retry with the key gets the same
-- receipt, and the primary key makes a key give one clue across batches and nodes. The reference to the clue is
-- checked at commit, because the key row is written first: it is what decides whether the tip is new.
create table clue_intake_key (
  key_hash     bytea       primary key,
  request_hash bytea       not null,
  created_at   timestamptz not null,
  clue_id      bigint      not null references clue (id) deferrable initially deferred,
  receipt      bytea       not null
);
create index clue_intake_key_created_idx on clue_intake_key (created_at);

-- The tips closed as untrue in a district, for the re-review flag every new tip is checked against.
create index clue_untrue_region_idx on clue (region_path) where status = 'CLOSED' and result = 'UNTRUE';
