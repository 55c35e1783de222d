-- Issue 23: the link's validity chosen per invitation (null: the setting onboarding.invitation.link-validity, as for
-- every invitation before this column), and where a client's users go after registering (null: the sign-in page).
alter table invitation add column link_validity_days integer;
alter table invitation add constraint ck_invitation_validity check (link_validity_days between 1 and 90);
alter table client add column landing_url varchar(2000);
-- A file's rows keep the validity cell as written, checked when the row is previewed and again when it is invited.
alter table bulk_import_row add column link_validity_days varchar(20);
