-- Change feed for the in-memory provisioning view used on the call path.
--
-- Every running Callsign keeps the provisioning tables in memory and must see each change, whether
-- made through the API, the CLI or plain SQL in psql, within a second. Triggers therefore live in
-- the database, not in the application, so that no writer can bypass them.
--
-- Design (read this before changing it):
-- * Statement-level AFTER triggers with transition tables write the changed KEYS (not the rows) to
--   provisioning_changes and send one NOTIFY on channel 'callsign_provisioning'. PostgreSQL folds
--   identical notifications of one transaction into one, so a transaction sends one wake-up no
--   matter how many statements or rows it touched. The payload is empty on purpose: readers always
--   read the log, never the payload (payloads are limited to 8000 bytes and lost while a reader is
--   disconnected).
-- * A statement that touches more than 1000 rows (a COPY of 1M numbers, a bulk UPDATE, TRUNCATE)
--   records ONE row with key NULL, meaning "many rows of this entity changed: reload it". A bulk
--   import thus costs one log row, not a million, and readers rebuild instead of patching.
-- * Readers must not rely on seq order: sequence values are taken before commit, so a transaction
--   holding seq 10 may commit after the one holding seq 11. Each row therefore records its
--   transaction id (txid). A reader remembers the xmin of the snapshot it last read with; every
--   transaction it has not yet seen has an id >= that xmin, so "WHERE txid >= :xmin", minus the
--   seqs already applied, is exactly the set of unseen changes, whatever the commit order.
--   Requires PostgreSQL 13 or later (pg_current_xact_id, pg_current_snapshot).
-- * Readers apply a change by re-reading the current row for its key, so applying a change twice,
--   or late, is harmless. Deletes need no tombstone table: a key whose row is gone is a delete.
-- * A BEFORE UPDATE row trigger bumps version and updated_at whenever a row really changes, so an
--   UPDATE typed by a DBA who does not touch those columns still moves them. Values written to
--   version or updated_at by an UPDATE are replaced: the database owns them.
-- * Old log rows are deleted by callsign_prune_provisioning_changes(retention), which the readers
--   call periodically (any instance may; it is idempotent). A reader that was away for longer than
--   the retention rebuilds from the tables anyway.

CREATE TABLE provisioning_changes (
    seq    bigserial   PRIMARY KEY,
    -- insertion time (not transaction start), for pruning
    at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    txid   bigint      NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    entity text        NOT NULL CHECK (entity IN ('subscriber', 'user', 'number', 'block', 'trunk')),
    -- the changed key (subscriber id, SIP user, tn, block prefix, trunk name); NULL = bulk change
    key    text
);
CREATE INDEX provisioning_changes_txid ON provisioning_changes (txid);

COMMENT ON TABLE provisioning_changes IS
    'Keys of changed provisioning rows, written by triggers; read by Callsign instances to patch '
    'their in-memory view. key NULL means a bulk change of the entity. See V3__change_feed.sql.';

-- TG_ARGV[0]: entity name; TG_ARGV[1]: key column of the table.
CREATE FUNCTION callsign_record_changes() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    bulk_threshold CONSTANT bigint := 1000;
    entity_name text := TG_ARGV[0];
    keys text;
    changed bigint;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        INSERT INTO provisioning_changes (entity, key) VALUES (entity_name, NULL);
    ELSE
        keys := CASE TG_OP
            WHEN 'INSERT' THEN format('SELECT %I::text AS k FROM new_rows', TG_ARGV[1])
            WHEN 'DELETE' THEN format('SELECT %I::text AS k FROM old_rows', TG_ARGV[1])
            -- an UPDATE may change the key itself: both the old and the new key changed
            ELSE format('SELECT %1$I::text AS k FROM new_rows UNION SELECT %1$I::text FROM old_rows', TG_ARGV[1])
        END;
        EXECUTE format('SELECT count(*) FROM (%s) s', keys) INTO changed;
        IF changed = 0 THEN
            RETURN NULL;
        ELSIF changed > bulk_threshold THEN
            INSERT INTO provisioning_changes (entity, key) VALUES (entity_name, NULL);
        ELSE
            EXECUTE format('INSERT INTO provisioning_changes (entity, key) SELECT %L, k FROM (%s) s',
                           entity_name, keys);
        END IF;
    END IF;
    PERFORM pg_notify('callsign_provisioning', '');
    RETURN NULL;
END
$$;

-- Keeps version and updated_at truthful whoever writes the row.
CREATE FUNCTION callsign_touch_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version;
    NEW.updated_at := OLD.updated_at;
    IF NEW IS DISTINCT FROM OLD THEN
        NEW.version := OLD.version + 1;
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END
$$;

-- Transition tables allow a single event per trigger, hence three AFTER triggers per table.
CREATE PROCEDURE callsign_install_change_triggers(tbl regclass, entity_name text, key_column text)
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION callsign_record_changes(%L, %L)',
                   'callsign_changes_ins', tbl, entity_name, key_column);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION callsign_record_changes(%L, %L)',
                   'callsign_changes_upd', tbl, entity_name, key_column);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION callsign_record_changes(%L, %L)',
                   'callsign_changes_del', tbl, entity_name, key_column);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %s '
                   'FOR EACH STATEMENT EXECUTE FUNCTION callsign_record_changes(%L, %L)',
                   'callsign_changes_trunc', tbl, entity_name, key_column);
END
$$;

CALL callsign_install_change_triggers('subscribers', 'subscriber', 'id');
CALL callsign_install_change_triggers('subscriber_users', 'user', 'sip_user');
CALL callsign_install_change_triggers('telephone_numbers', 'number', 'tn');
-- blocks are looked up by prefix, so the prefix (old and new) is the key that changed
CALL callsign_install_change_triggers('number_blocks', 'block', 'prefix');
CALL callsign_install_change_triggers('trunks', 'trunk', 'name');
CALL callsign_install_change_triggers('trunk_cidrs', 'trunk', 'trunk_name');
DROP PROCEDURE callsign_install_change_triggers(regclass, text, text);

CREATE TRIGGER callsign_touch BEFORE UPDATE ON subscribers FOR EACH ROW EXECUTE FUNCTION callsign_touch_row();
CREATE TRIGGER callsign_touch BEFORE UPDATE ON telephone_numbers FOR EACH ROW EXECUTE FUNCTION callsign_touch_row();
CREATE TRIGGER callsign_touch BEFORE UPDATE ON number_blocks FOR EACH ROW EXECUTE FUNCTION callsign_touch_row();
CREATE TRIGGER callsign_touch BEFORE UPDATE ON trunks FOR EACH ROW EXECUTE FUNCTION callsign_touch_row();

-- Deletes log rows older than keep, from finished transactions only. Returns how many went.
CREATE FUNCTION callsign_prune_provisioning_changes(keep interval) RETURNS bigint
LANGUAGE sql AS $$
    WITH gone AS (
        DELETE FROM provisioning_changes
        WHERE at < clock_timestamp() - keep
          AND txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
        RETURNING 1)
    SELECT count(*) FROM gone
$$;
