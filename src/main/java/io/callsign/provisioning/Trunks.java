package io.callsign.provisioning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.callsign.http.Problem;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code trunks} and their {@code trunk_cidrs}: validation and SQL. */
final class Trunks implements Resource<Trunks.Input, Trunk> {

    @JsonIgnoreProperties({"version", "createdAt", "updatedAt"})
    record Body(String name, String kind, List<String> cidrs, String subscriber) {
    }

    record Input(String kind, List<Cidr> cidrs, Optional<String> subscriber) {
    }

    private static final String SELECT = "SELECT name, kind, subscriber_id, version, created_at, updated_at, "
            + "ARRAY(SELECT cidr::text FROM trunk_cidrs c WHERE c.trunk_name = t.name ORDER BY cidr) AS cidrs "
            + "FROM trunks t ";

    @Override
    public String entity() {
        return "trunk";
    }

    @Override
    public String key(String raw) {
        return Check.key("name", raw);
    }

    @Override
    public Input input(byte[] json, String key) {
        Body body = Exchanges.decode(json, Body.class);
        Check.samePathKey("name", body.name(), key);
        String kind = Check.kind(body.kind());
        Optional<String> subscriber = Optional.ofNullable(body.subscriber()).map(s -> Check.key("subscriber", s));
        // Schema rule trunks_customer_has_subscriber: a customer trunk vouches for one subscriber.
        if (kind.equals("customer") && subscriber.isEmpty()) {
            throw Problem.badRequest("field 'subscriber': a customer trunk needs the subscriber it belongs to");
        }
        return new Input(kind, cidrs(body.cidrs() == null ? List.of() : body.cidrs()), subscriber);
    }

    private static List<Cidr> cidrs(List<String> texts) {
        List<Cidr> result = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = Check.required("cidrs[" + i + "]", texts.get(i));
            Cidr cidr;
            try {
                cidr = Cidr.parse(text);
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest("field 'cidrs[" + i + "]': '" + text + "' is not a CIDR: " + e.getMessage());
            }
            if (result.contains(cidr)) {
                throw Problem.badRequest("field 'cidrs[" + i + "]': '" + text + "' repeats cidrs[" + result.indexOf(cidr) + "]");
            }
            result.add(cidr);
        }
        return List.copyOf(result);
    }

    @Override
    public List<String> filters() {
        return List.of("kind", "subscriber");
    }

    @Override
    public String keyOf(Trunk trunk) {
        return trunk.name();
    }

    @Override
    public Optional<Trunk> find(Connection c, String key, boolean lock) throws SQLException {
        return Sql.query(c, SELECT + "WHERE name = ?" + (lock ? " FOR UPDATE OF t" : ""), Trunks::row, key)
                .stream().findFirst();
    }

    @Override
    public boolean unchanged(Trunk current, Input input) {
        Set<Cidr> stored = new HashSet<>();
        current.cidrs().forEach(text -> stored.add(Cidr.parse(text)));
        return current.kind().equals(input.kind()) && stored.equals(new HashSet<>(input.cidrs()))
                && Optional.ofNullable(current.subscriber()).equals(input.subscriber());
    }

    @Override
    public Optional<Trunk> insert(Connection c, String key, Input input) throws SQLException {
        if (input.subscriber().isPresent()) {
            Subscribers.requireExists(c, "subscriber", input.subscriber().get());
        }
        if (Sql.update(c, "INSERT INTO trunks (name, kind, subscriber_id) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
                key, input.kind(), input.subscriber().orElse(null)) == 0) {
            return Optional.empty();
        }
        replaceCidrs(c, key, input.cidrs());
        return find(c, key, false);
    }

    @Override
    public Trunk update(Connection c, String key, Input input) throws SQLException {
        if (input.subscriber().isPresent()) {
            Subscribers.requireExists(c, "subscriber", input.subscriber().get());
        }
        Sql.update(c, "UPDATE trunks SET kind = ?, subscriber_id = ?, version = version + 1, updated_at = now() "
                + "WHERE name = ?", input.kind(), input.subscriber().orElse(null), key);
        replaceCidrs(c, key, input.cidrs());
        return find(c, key, false).orElseThrow();
    }

    private static void replaceCidrs(Connection c, String key, List<Cidr> cidrs) throws SQLException {
        Sql.update(c, "DELETE FROM trunk_cidrs WHERE trunk_name = ?", key);
        Sql.update(c, "INSERT INTO trunk_cidrs (trunk_name, cidr) SELECT ?, unnest(?::cidr[])",
                key, cidrs.stream().map(Cidr::toString).toList());
    }

    @Override
    public void delete(Connection c, String key) throws SQLException {
        Sql.update(c, "DELETE FROM trunks WHERE name = ?", key);
    }

    @Override
    public List<Trunk> list(Connection c, ListQuery query) throws SQLException {
        KeysetFilter filter = new KeysetFilter()
                .whereIf(query.after(), "name > ?")
                .whereIf(query.filter("kind").map(Check::kind), "kind = ?")
                .whereIf(query.filter("subscriber").map(s -> Check.key("subscriber", s)), "subscriber_id = ?");
        return Sql.query(c, SELECT + filter.clause("name", query.limit() + 1), Trunks::row, filter.parameters());
    }

    private static Trunk row(ResultSet row) throws SQLException {
        return new Trunk(row.getString("name"), row.getString("kind"), List.of(Sql.strings(row, "cidrs")),
                row.getString("subscriber_id"), row.getLong("version"),
                Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
    }
}
