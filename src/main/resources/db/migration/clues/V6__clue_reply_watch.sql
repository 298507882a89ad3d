-- Whether the 30-day reply deadline of a reachable clue has been handed to the deadlines module (ClueSupervision).
-- Existing clues start unwatched: the first run of the recurring task picks them up. The partial index holds only the
-- clues still to pick up, so the task's look-up stays small however many clues there are.
alter table clue add column reply_watched boolean not null default false;
create index clue_reply_unwatched_idx on clue (id) where has_contact and not reply_watched;
