package io.callsign.provisioning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.callsign.http.Problem;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@code number_blocks}: validation and SQL. */
final class NumberBlocks implements Resource<NumberBlocks.Input, NumberBlock> {

    @JsonIgnoreProperties({"version", "createdAt", "updatedAt"})
    record Body(String id, String prefix, String subscriber, Boolean verified) {
    }

    record Input(String prefix, String subscriber, boolean verified) {
    }

    private static final String SELECT = "SELECT id, prefix, subscriber_id, verified, version, created_at, updated_at "
            + "FROM number_blocks ";

    @Override
    public String entity() {
        return "number block";
    }

    @Override
    public String key(String raw) {
        return Check.key("id", raw);
    }

    @Override
    public Input input(byte[] json, String key) {
        Body body = Exchanges.decode(json, Body.class);
        Check.samePathKey("id", body.id(), key);
        return new Input(Check.tn("prefix", body.prefix()), Check.key("subscriber", body.subscriber()),
                Boolean.TRUE.equals(body.verified()));
    }

    @Override
    public List<String> filters() {
        return List.of("subscriber", "prefix", "covers");
    }

    @Override
    public String keyOf(NumberBlock block) {
        return block.id();
    }

    @Override
    public Optional<NumberBlock> find(Connection c, String key, boolean lock) throws SQLException {
        return Sql.query(c, SELECT + "WHERE id = ?" + (lock ? " FOR UPDATE" : ""), NumberBlocks::row, key)
                .stream().findFirst();
    }

    @Override
    public boolean unchanged(NumberBlock current, Input input) {
        return current.prefix().equals(input.prefix()) && current.subscriber().equals(input.subscriber())
                && current.verified() == input.verified();
    }

    @Override
    public Optional<NumberBlock> insert(Connection c, String key, Input input) throws SQLException {
        check(c, key, input);
        int inserted = Sql.update(c, "INSERT INTO number_blocks (id, prefix, subscriber_id, verified) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (id) DO NOTHING", key, input.prefix(), input.subscriber(), input.verified());
        return inserted == 0 ? Optional.empty() : find(c, key, false);
    }

    @Override
    public NumberBlock update(Connection c, String key, Input input) throws SQLException {
        check(c, key, input);
        Sql.update(c, "UPDATE number_blocks SET prefix = ?, subscriber_id = ?, verified = ?, version = version + 1, "
                + "updated_at = now() WHERE id = ?", input.prefix(), input.subscriber(), input.verified(), key);
        return find(c, key, false).orElseThrow();
    }

    // One block per prefix (the UNIQUE constraint); name the block that has it.
    private static void check(Connection c, String key, Input input) throws SQLException {
        Subscribers.requireExists(c, "subscriber", input.subscriber());
        List<String> holder = Sql.query(c, "SELECT id FROM number_blocks WHERE prefix = ? AND id <> ?",
                row -> row.getString("id"), input.prefix(), key);
        if (!holder.isEmpty()) {
            throw new Problem(409, "Conflict", "field 'prefix': '" + input.prefix() + "' already belongs to number block '"
                    + holder.get(0) + "'; change or delete that block first");
        }
    }

    @Override
    public void delete(Connection c, String key) throws SQLException {
        Sql.update(c, "DELETE FROM number_blocks WHERE id = ?", key);
    }

    @Override
    public List<NumberBlock> list(Connection c, ListQuery query) throws SQLException {
        KeysetFilter filter = new KeysetFilter()
                .whereIf(query.after(), "id > ?")
                .whereIf(query.filter("subscriber").map(s -> Check.key("subscriber", s)), "subscriber_id = ?")
                .digitPrefix("prefix", query.filter("prefix").map(p -> Check.tn("prefix", p)))
                .whereIf(query.filter("covers").map(t -> Check.tn("covers", t)), "? LIKE prefix || '%'");
        return Sql.query(c, SELECT + filter.clause("id", query.limit() + 1), NumberBlocks::row, filter.parameters());
    }

    private static NumberBlock row(ResultSet row) throws SQLException {
        return new NumberBlock(row.getString("id"), row.getString("prefix"), row.getString("subscriber_id"),
                row.getBoolean("verified"), row.getLong("version"),
                Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
    }
}
