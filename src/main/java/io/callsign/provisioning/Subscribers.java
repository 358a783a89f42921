package io.callsign.provisioning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.callsign.http.Problem;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@code subscribers} and their {@code subscriber_users}: validation and SQL. */
final class Subscribers implements Resource<Subscribers.Input, Subscriber> {

    /** The PUT body; the representation's read-only fields may be sent back unchanged. */
    @JsonIgnoreProperties({"version", "createdAt", "updatedAt"})
    record Body(String id, String name, Boolean verified, List<String> users) {
    }

    record Input(String name, boolean verified, List<String> users) {
    }

    private static final String SELECT = "SELECT id, name, verified, version, created_at, updated_at, "
            + "ARRAY(SELECT sip_user FROM subscriber_users u WHERE u.subscriber_id = s.id ORDER BY sip_user) AS users "
            + "FROM subscribers s ";

    @Override
    public String entity() {
        return "subscriber";
    }

    @Override
    public String key(String raw) {
        return Check.key("id", raw);
    }

    @Override
    public Input input(byte[] json, String key) {
        Body body = Exchanges.decode(json, Body.class);
        Check.samePathKey("id", body.id(), key);
        String name = body.name() == null ? "" : body.name();
        if (name.length() > 256) {
            throw Problem.badRequest("field 'name': " + name.length() + " characters, at most 256 are allowed");
        }
        List<String> users = body.users() == null ? List.of() : body.users();
        for (int i = 0; i < users.size(); i++) {
            Check.sipUser("users[" + i + "]", users.get(i));
            int first = users.indexOf(users.get(i));
            if (first < i) {
                throw Problem.badRequest("field 'users[" + i + "]': '" + users.get(i) + "' repeats users[" + first + "]");
            }
        }
        return new Input(name, Boolean.TRUE.equals(body.verified()), users.stream().sorted().toList());
    }

    @Override
    public List<String> filters() {
        return List.of();
    }

    @Override
    public String keyOf(Subscriber subscriber) {
        return subscriber.id();
    }

    @Override
    public Optional<Subscriber> find(Connection c, String key, boolean lock) throws SQLException {
        return Sql.query(c, SELECT + "WHERE id = ?" + (lock ? " FOR UPDATE OF s" : ""), Subscribers::row, key)
                .stream().findFirst();
    }

    @Override
    public boolean unchanged(Subscriber current, Input input) {
        return current.name().equals(input.name()) && current.verified() == input.verified()
                && current.users().equals(input.users());
    }

    @Override
    public Optional<Subscriber> insert(Connection c, String key, Input input) throws SQLException {
        if (Sql.update(c, "INSERT INTO subscribers (id, name, verified) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                key, input.name(), input.verified()) == 0) {
            return Optional.empty();
        }
        replaceUsers(c, key, input.users());
        return find(c, key, false);
    }

    @Override
    public Subscriber update(Connection c, String key, Input input) throws SQLException {
        Sql.update(c, "UPDATE subscribers SET name = ?, verified = ?, version = version + 1, updated_at = now() "
                + "WHERE id = ?", input.name(), input.verified(), key);
        replaceUsers(c, key, input.users());
        return find(c, key, false).orElseThrow();
    }

    // One identity names at most one subscriber (the table's primary key); say which one holds it.
    private static void replaceUsers(Connection c, String key, List<String> users) throws SQLException {
        List<String> taken = Sql.query(c, "SELECT sip_user || ''' already identifies subscriber ''' || subscriber_id "
                + "AS clash FROM subscriber_users WHERE sip_user = ANY (?) AND subscriber_id <> ? ORDER BY sip_user",
                row -> row.getString("clash"), users, key);
        if (!taken.isEmpty()) {
            throw new Problem(409, "Conflict", "user '" + taken.get(0) + "'; remove it there first");
        }
        Sql.update(c, "DELETE FROM subscriber_users WHERE subscriber_id = ?", key);
        Sql.update(c, "INSERT INTO subscriber_users (sip_user, subscriber_id) SELECT unnest(?::text[]), ?", users, key);
    }

    @Override
    public void delete(Connection c, String key) throws SQLException {
        long[] owned = Sql.query(c, "SELECT (SELECT count(*) FROM telephone_numbers WHERE subscriber_id = ?), "
                + "(SELECT count(*) FROM number_blocks WHERE subscriber_id = ?), "
                + "(SELECT count(*) FROM trunks WHERE subscriber_id = ?)",
                row -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)}, key, key, key).get(0);
        if (owned[0] + owned[1] + owned[2] > 0) {
            throw new Problem(409, "Conflict", "subscriber '" + key + "' still owns " + owned[0] + " number(s), "
                    + owned[1] + " number block(s) and " + owned[2] + " trunk(s); delete or reassign them first");
        }
        Sql.update(c, "DELETE FROM subscribers WHERE id = ?", key);
    }

    @Override
    public List<Subscriber> list(Connection c, ListQuery query) throws SQLException {
        KeysetFilter filter = new KeysetFilter().whereIf(query.after(), "id > ?");
        String clause = filter.clause("id", query.limit() + 1);
        return Sql.query(c, SELECT + clause, Subscribers::row, filter.parameters());
    }

    /** Refuses a reference to a subscriber that does not exist (422), naming it and the fix. */
    static void requireExists(Connection c, String field, String id) throws SQLException {
        if (Sql.query(c, "SELECT 1 FROM subscribers WHERE id = ?", row -> 1, id).isEmpty()) {
            throw new Problem(422, "Unprocessable Content", "field '" + field + "': subscriber '" + id
                    + "' does not exist; create it first (PUT /v1/subscribers/" + id + ")");
        }
    }

    private static Subscriber row(ResultSet row) throws SQLException {
        return new Subscriber(row.getString("id"), row.getString("name"), row.getBoolean("verified"),
                List.of(Sql.strings(row, "users")), row.getLong("version"),
                Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
    }
}
