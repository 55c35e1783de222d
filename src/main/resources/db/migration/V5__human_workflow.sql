-- Four-eyes: inviting someone with a sensitive role or permission needs another global admin's approval.
alter table app_role add column sensitive boolean not null default false;
alter table app_permission add column sensitive boolean not null default false;
update app_role set sensitive = true where code = 'ADMINISTRATOR';
update app_permission set sensitive = true where code = 'APPROVE_PAYMENTS';

-- Who approved an invitation, or why it was rejected.
alter table invitation add column decided_by varchar(100);
alter table invitation add column rejection_reason varchar(1000);
