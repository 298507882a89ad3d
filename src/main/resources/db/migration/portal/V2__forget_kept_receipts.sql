-- Receipts kept for retries were sealed under a key the server could derive from what it stored; they are now sealed
-- under a key derived from the raw idempotency key, which is never stored. The rows sealed the former way are dropped
-- (a retry of such a tip within its day makes a second clue, which duplicate detection points out).
delete from tip_submission;
