-- The reporter's answers to the web form's choice questions, after the national 12337 form: how many people are
-- involved, whether violence or threats were used, whether weapons were seen. Each may be UNKNOWN (不清楚). A row only
-- for tips that answered them (staff intake, imports and older tips have none); its own table, so the clue row and the
-- statement-level triggers on it are untouched. The intake writer inserts these rows before the statement that numbers
-- and inserts its batch's clues (the year's counter row stays locked only from that statement to the commit), so the
-- reference to the clue is checked at commit.
create table clue_circumstances (
  clue_id  bigint primary key references clue (id) deferrable initially deferred,
  people   text check (people in ('ONE', 'TWO_TO_FIVE', 'SIX_TO_TEN', 'MORE_THAN_TEN', 'UNKNOWN')),
  violence text check (violence in ('YES', 'NO', 'UNKNOWN')),
  weapons  text check (weapons in ('YES', 'NO', 'UNKNOWN'))
);
