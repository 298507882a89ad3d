-- The clue a problem was raised from (source CLUE): a clue verified true becomes a problem to rectify. The clue lives
-- in the clues module, whose tables are created after these, so the reference is kept without a foreign key.
alter table problem add column clue_id bigint;
create index problem_clue_idx on problem (clue_id) where clue_id is not null;
