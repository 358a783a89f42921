package io.callsign.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.callsign.http.JsonBodies;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes {@code audit_log} rows on the caller's connection, i.e. inside the transaction of the change
 * they describe: a rolled-back change leaves no audit row, and a committed one always has its row.
 */
final class Audit {

    private Audit() {
    }

    /** @param before the representation before the change, null on create; after is null on delete */
    static void write(Connection connection, String actor, String action, String entity, String entityId,
            Object before, Object after) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_log (actor, action, entity, entity_id, before, after) "
                        + "VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb)")) {
            insert.setString(1, actor);
            insert.setString(2, action);
            insert.setString(3, entity);
            insert.setString(4, entityId);
            insert.setString(5, json(before));
            insert.setString(6, json(after));
            insert.executeUpdate();
        }
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JsonBodies.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit record of " + value, e);
        }
    }
}
