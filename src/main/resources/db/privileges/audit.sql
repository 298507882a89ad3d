-- What the application's role may not do to the audit trail (run by ModuleMigrations as the owner, after the role got
-- read and write on every table). It adds entries and chains them: the one update it keeps is of seq and mac, which
-- the trigger allows once, from null. It cannot change or delete an entry, empty the table or remove the head.
revoke update, delete, truncate, references, trigger on audit_entry from ${app_role};
grant update (seq, mac) on audit_entry to ${app_role};
revoke delete, truncate, references, trigger on audit_head from ${app_role};
