-- Callsign provisioning schema: who our subscribers are, which numbers they may use, and where
-- calls enter from. Attestation (A/B/C) is decided from these tables; see db/README.md.
-- Constraints live here, not only in the application, so that SQL provisioning is equally safe.

CREATE DOMAIN e164_digits AS text
    CHECK (VALUE ~ '^[0-9]{1,15}$');

CREATE DOMAIN object_key AS text
    CHECK (VALUE ~ '^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$');

CREATE TABLE subscribers (
    id          object_key  PRIMARY KEY,
    name        text        NOT NULL DEFAULT '' CHECK (length(name) <= 256),
    -- the customer is known (KYC done)
    verified    boolean     NOT NULL DEFAULT false,
    version     bigint      NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- SIP identities (digest auth users, AORs) that identify a subscriber. One identity names at most
-- one subscriber, or the attestation decision would be ambiguous.
CREATE TABLE subscriber_users (
    sip_user      text       PRIMARY KEY CHECK (sip_user ~ '^[^\s]{1,255}$'),
    subscriber_id object_key NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE
);
CREATE INDEX subscriber_users_subscriber ON subscriber_users (subscriber_id);

-- One row per assigned number: the primary key makes "one owner per number" a database fact.
CREATE TABLE telephone_numbers (
    tn            e164_digits PRIMARY KEY,
    subscriber_id object_key  NOT NULL REFERENCES subscribers (id) ON DELETE RESTRICT,
    -- the subscriber's right to use this number was checked
    verified      boolean     NOT NULL DEFAULT false,
    valid_from    timestamptz,
    valid_until   timestamptz,
    version       bigint      NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT telephone_numbers_validity CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until > valid_from)
);
CREATE INDEX telephone_numbers_subscriber ON telephone_numbers (subscriber_id);

-- Number blocks: every number starting with prefix. The longest matching prefix wins, and an exact
-- telephone_numbers row wins over any block.
CREATE TABLE number_blocks (
    id            object_key  PRIMARY KEY,
    prefix        e164_digits NOT NULL UNIQUE,
    subscriber_id object_key  NOT NULL REFERENCES subscribers (id) ON DELETE RESTRICT,
    verified      boolean     NOT NULL DEFAULT false,
    version       bigint      NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX number_blocks_subscriber ON number_blocks (subscriber_id);

-- Where calls enter from. customer trunks belong to a subscriber; gateway and peering trunks carry
-- calls from other networks (attestation C); internal trunks are our own elements.
CREATE TABLE trunks (
    name          object_key  PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('customer', 'peering', 'gateway', 'internal')),
    subscriber_id object_key  REFERENCES subscribers (id) ON DELETE RESTRICT,
    version       bigint      NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT trunks_customer_has_subscriber CHECK (kind <> 'customer' OR subscriber_id IS NOT NULL)
);

-- The cidr type rejects malformed networks and host bits set outside the mask.
CREATE TABLE trunk_cidrs (
    trunk_name object_key NOT NULL REFERENCES trunks (name) ON DELETE CASCADE ON UPDATE CASCADE,
    cidr       cidr       NOT NULL,
    PRIMARY KEY (trunk_name, cidr)
);

-- Every provisioning change, written in the same transaction as the change itself.
CREATE TABLE audit_log (
    id        bigserial   PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    actor     text        NOT NULL,
    action    text        NOT NULL CHECK (action IN ('create', 'update', 'delete', 'import')),
    entity    text        NOT NULL,
    entity_id text        NOT NULL,
    before    jsonb,
    after     jsonb
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
