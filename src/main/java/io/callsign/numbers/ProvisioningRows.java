package io.callsign.numbers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SELECTs shared by the full load and the change feed, and their row mappings. */
final class ProvisioningRows {

    static final String NUMBERS = "SELECT tn, subscriber_id, verified, valid_from, valid_until FROM telephone_numbers";
    static final String BLOCKS = "SELECT id, prefix, subscriber_id, verified FROM number_blocks";
    static final String SUBSCRIBERS = "SELECT id, name, verified FROM subscribers";
    static final String USERS = "SELECT sip_user, subscriber_id FROM subscriber_users";

    private ProvisioningRows() {
    }

    static NumberAssignment number(ResultSet rs) throws SQLException {
        return new NumberAssignment(rs.getString(1), rs.getString(2), rs.getBoolean(3), instant(rs, 4), instant(rs, 5));
    }

    static BlockAssignment block(ResultSet rs) throws SQLException {
        return new BlockAssignment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
    }

    static Subscriber subscriber(ResultSet rs) throws SQLException {
        return new Subscriber(rs.getString(1), rs.getString(2), rs.getBoolean(3));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Every trunk with its networks. Trunks are few: they are always read whole. */
    static Collection<Trunk> trunks(Connection connection) throws SQLException {
        Map<String, List<Cidr>> cidrs = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT trunk_name, cidr::text FROM trunk_cidrs");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                cidrs.computeIfAbsent(rs.getString(1), name -> new ArrayList<>()).add(Cidr.parse(rs.getString(2)));
            }
        }
        Map<String, Trunk> trunks = new LinkedHashMap<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT name, kind, subscriber_id FROM trunks");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                trunks.put(name, new Trunk(name, TrunkKind.parse(rs.getString(2)), rs.getString(3),
                        cidrs.getOrDefault(name, List.of())));
            }
        }
        return trunks.values();
    }
}
