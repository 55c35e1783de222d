-- The user list filtered by status ("Deactivated", "Invite accepted", or the invited ones) counts and pages by
-- the status, in the list's order (first name, last name): without it, every filtered page read the whole table.
create index ix_user_status_name on user_account (status, first_name, last_name, id);
