-- A staff member's work e-mail address, where reminders, supervision notices and accountability records are sent
-- when the installation has an SMTP server. Optional: without one, the home page's list is the only channel.
alter table staff add column email varchar(254) check (email is null or email ~ '^[^@\s]+@[^@\s]+$');
