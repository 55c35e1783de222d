-- The audit screen lists the newest entries first, all of them or one action's.
create index ix_audit_time on audit_event (occurred_at);
create index ix_audit_action on audit_event (action, occurred_at);
