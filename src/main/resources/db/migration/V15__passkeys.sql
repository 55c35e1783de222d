-- Issue 23: passkeys (WebAuthn), in the tables Spring Security's JDBC repositories read and write
-- (org/springframework/security/user-entities-schema.sql and user-credentials-schema-postgres.sql; bytea is
-- BINARY VARYING to H2). A user entity's name is the user's email address; deleting a user deletes both.
create table user_entities
(
    id           varchar(1000) not null,
    name         varchar(100)  not null,
    display_name varchar(200),
    primary key (id)
);

create unique index ix_user_entities_name on user_entities (name);

create table user_credentials
(
    credential_id                varchar(1000) not null,
    user_entity_user_id          varchar(1000) not null references user_entities (id) on delete cascade,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null,
    primary key (credential_id)
);

create index ix_user_credentials_user on user_credentials (user_entity_user_id);

-- An invitee who registered with a passkey instead of a password: registered, though without a password hash.
alter table user_account add column registered_with_passkey boolean not null default false;
