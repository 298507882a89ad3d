-- The re-review check at intake (a tip closed as untrue, reported again) looks for similar descriptions among the
-- district's clues closed as untrue only. With the one GIN trigram index over every description, PostgreSQL first
-- gathers every similar clue of any status (hundreds of thousands at a million clues) and only then filters by status;
-- this partial index holds the closed-untrue clues alone, which the check's literal condition lets the planner choose.
create index clue_untrue_description_trgm_idx on clue using gin (description gin_trgm_ops)
  where status = 'CLOSED' and result = 'UNTRUE';
