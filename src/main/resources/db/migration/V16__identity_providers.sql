-- Issue 23: a client's own OpenID Connect provider. Its invitees may register by signing in there instead of
-- choosing a password, and sign in there afterwards. The registration id is random (it appears in the provider's
-- callback address and in sign-in links, and says nothing about the client); the secret is the one the provider
-- issued for this service. An optional email domain: addresses in it count as verified even when the provider does
-- not say so (Entra ID, for one, sends no email_verified), and it finds the provider from the sign-in page.
create table client_identity_provider (
    client_id        bigint                   primary key references client (id) on delete cascade,
    registration_id  varchar(40)              not null,
    issuer           varchar(2000)            not null,
    provider_client  varchar(200)             not null,
    client_secret    varchar(500)             not null,
    email_domain     varchar(253),
    changed_by       varchar(100)             not null,
    changed_at       timestamp with time zone not null,
    constraint uk_identity_provider_registration unique (registration_id)
);

create index ix_identity_provider_domain on client_identity_provider (email_domain);

-- Who a provider's account is here: one account per user, found by the provider's issuer and subject. It goes with
-- the user, and with the provider when a global admin removes it.
create table provider_identity (
    user_id    bigint                   primary key references user_account (id) on delete cascade,
    client_id  bigint                   not null references client_identity_provider (client_id) on delete cascade,
    issuer     varchar(2000)            not null,
    subject    varchar(255)             not null,
    linked_at  timestamp with time zone not null,
    constraint uk_provider_identity unique (issuer, subject)
);

-- An invitee who registered at their company's provider: registered, though without a password hash.
alter table user_account add column registered_with_provider boolean not null default false;
