-- The reporter's side of the conversation: messages they send with their receipt code. Files they add are attachments
-- like any other (added_by 'reporter'), so the content type must hold Office documents' long media types too.
alter table clue_message add column from_reporter boolean not null default false;
alter table clue_attachment alter column content_type type varchar(120);
