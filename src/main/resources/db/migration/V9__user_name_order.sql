-- The user list shows "First Last" and sorts by it.
create index ix_user_first_name on user_account (first_name, last_name, id);
