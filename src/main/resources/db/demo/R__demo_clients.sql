-- Demo clients for the default (embedded) profile and the tests; production data comes from the Clients screen.
-- Repeatable and idempotent, so that it never stands in the way of the schema's versioned migrations.
insert into client (name, created_at)
select 'Acme Corporation', current_timestamp where not exists (select 1 from client where name = 'Acme Corporation');
insert into client (name, created_at)
select 'Globex GmbH', current_timestamp where not exists (select 1 from client where name = 'Globex GmbH');
insert into client (name, created_at)
select 'Initech AG', current_timestamp where not exists (select 1 from client where name = 'Initech AG');
