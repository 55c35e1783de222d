-- Demo clients for the default (embedded) profile and the tests; production data comes from the Clients screen.
insert into client (name, created_at) values
    ('Acme Corporation', current_timestamp),
    ('Globex GmbH', current_timestamp),
    ('Initech AG', current_timestamp);
