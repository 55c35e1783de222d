-- Issue 22: an invitation's links are numbered (1, 2, … for the first link, each reminder and each resend). A link's
-- token is derived from the configured key, the invitation and this number (links.LinkTokens), so a mail step run
-- again after a crash mails the same link; the database still holds only the token's hash. Links mailed before this
-- column existed keep working: they were random, and are number 0.
alter table invitation add column link_number integer not null default 0;
