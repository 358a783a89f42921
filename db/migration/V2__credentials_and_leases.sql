-- Signing credentials shared by every instance of one deployment (ACME renewals are done by one
-- instance and picked up by all), and leases that keep instances from doing the same job at once.

CREATE TABLE signing_credentials (
    id          bigserial   PRIMARY KEY,
    source      text        NOT NULL CHECK (source IN ('static', 'lab', 'acme')),
    x5u         text        NOT NULL CHECK (x5u ~ '^https://'),
    chain_pem   text        NOT NULL CHECK (chain_pem LIKE '-----BEGIN CERTIFICATE-----%'),
    -- PKCS#8 PEM of the leaf key. Whoever can read this table can sign as this service:
    -- grant SELECT on it to the service role only.
    key_pem     text        NOT NULL CHECK (key_pem LIKE '-----BEGIN PRIVATE KEY-----%'),
    not_before  timestamptz NOT NULL,
    not_after   timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT signing_credentials_validity CHECK (not_after > not_before)
);
CREATE INDEX signing_credentials_newest ON signing_credentials (created_at DESC);

CREATE TABLE leases (
    name       text        PRIMARY KEY,
    holder     text        NOT NULL,
    expires_at timestamptz NOT NULL
);
