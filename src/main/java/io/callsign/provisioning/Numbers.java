package io.callsign.provisioning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code telephone_numbers}: one number assigned to one subscriber. Validation and SQL. */
final class Numbers implements Resource<Numbers.Input, NumberAssignment> {

    @JsonIgnoreProperties({"version", "createdAt", "updatedAt"})
    record Body(String tn, String subscriber, Boolean verified, String validFrom, String validUntil) {
    }

    record Input(String subscriber, boolean verified, Optional<OffsetDateTime> validFrom,
            Optional<OffsetDateTime> validUntil) {
    }

    private static final String SELECT = "SELECT tn, subscriber_id, verified, valid_from, valid_until, version, "
            + "created_at, updated_at FROM telephone_numbers ";

    @Override
    public String entity() {
        return "number";
    }

    @Override
    public String key(String raw) {
        return Check.tn("tn", raw);
    }

    @Override
    public Input input(byte[] json, String key) {
        Body body = Exchanges.decode(json, Body.class);
        Check.samePathKey("tn", body.tn() == null ? null : Check.tn("tn", body.tn()), key);
        Optional<OffsetDateTime> from = Check.instant("validFrom", body.validFrom());
        Optional<OffsetDateTime> until = Check.instant("validUntil", body.validUntil());
        Check.window(from, until);
        return new Input(Check.key("subscriber", body.subscriber()), Boolean.TRUE.equals(body.verified()), from, until);
    }

    @Override
    public List<String> filters() {
        return List.of("subscriber", "prefix");
    }

    @Override
    public String keyOf(NumberAssignment number) {
        return number.tn();
    }

    @Override
    public Optional<NumberAssignment> find(Connection c, String key, boolean lock) throws SQLException {
        return Sql.query(c, SELECT + "WHERE tn = ?" + (lock ? " FOR UPDATE" : ""), Numbers::row, key).stream().findFirst();
    }

    @Override
    public boolean unchanged(NumberAssignment current, Input input) {
        return current.subscriber().equals(input.subscriber()) && current.verified() == input.verified()
                && Objects.equals(current.validFrom(), instant(input.validFrom()))
                && Objects.equals(current.validUntil(), instant(input.validUntil()));
    }

    @Override
    public Optional<NumberAssignment> insert(Connection c, String key, Input input) throws SQLException {
        Subscribers.requireExists(c, "subscriber", input.subscriber());
        int inserted = Sql.update(c, "INSERT INTO telephone_numbers (tn, subscriber_id, verified, valid_from, valid_until) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (tn) DO NOTHING", key, input.subscriber(), input.verified(),
                input.validFrom().orElse(null), input.validUntil().orElse(null));
        return inserted == 0 ? Optional.empty() : find(c, key, false);
    }

    @Override
    public NumberAssignment update(Connection c, String key, Input input) throws SQLException {
        Subscribers.requireExists(c, "subscriber", input.subscriber());
        Sql.update(c, "UPDATE telephone_numbers SET subscriber_id = ?, verified = ?, valid_from = ?, valid_until = ?, "
                + "version = version + 1, updated_at = now() WHERE tn = ?", input.subscriber(), input.verified(),
                input.validFrom().orElse(null), input.validUntil().orElse(null), key);
        return find(c, key, false).orElseThrow();
    }

    @Override
    public void delete(Connection c, String key) throws SQLException {
        Sql.update(c, "DELETE FROM telephone_numbers WHERE tn = ?", key);
    }

    @Override
    public List<NumberAssignment> list(Connection c, ListQuery query) throws SQLException {
        KeysetFilter filter = new KeysetFilter()
                .whereIf(query.after().map(a -> Check.tn("after", a)), "tn > ?")
                .whereIf(query.filter("subscriber").map(s -> Check.key("subscriber", s)), "subscriber_id = ?")
                .digitPrefix("tn", query.filter("prefix").map(p -> Check.tn("prefix", p)));
        return Sql.query(c, SELECT + filter.clause("tn", query.limit() + 1), Numbers::row, filter.parameters());
    }

    private static String instant(Optional<OffsetDateTime> value) {
        return value.map(v -> v.toInstant().toString()).orElse(null);
    }

    private static NumberAssignment row(ResultSet row) throws SQLException {
        return new NumberAssignment(row.getString("tn"), row.getString("subscriber_id"), row.getBoolean("verified"),
                Sql.instant(row, "valid_from"), Sql.instant(row, "valid_until"), row.getLong("version"),
                Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
    }
}
