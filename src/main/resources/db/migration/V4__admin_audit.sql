-- Audit entries about administrators (Camunda users): account, password, group and scope changes, sign-ins.
alter table audit_event add column subject_admin_id varchar(100);
create index ix_audit_subject_admin on audit_event (subject_admin_id, occurred_at);
