package io.callsign.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the WHERE clause of a list query from the filters present, with its parameters in order,
 * so no SQL carries "? IS NULL" tricks that defeat indexes.
 */
final class KeysetFilter {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    KeysetFilter where(String condition, Object... values) {
        conditions.add(condition);
        parameters.addAll(List.of(values));
        return this;
    }

    KeysetFilter whereIf(Optional<?> value, String condition) {
        value.ifPresent(v -> where(condition, v));
        return this;
    }

    /**
     * Digit strings starting with {@code prefix}: a range the primary-key index can serve (prefix up
     * to its successor, e.g. 1519 → 152), plus LIKE, which alone keeps it exact under any collation.
     */
    KeysetFilter digitPrefix(String column, Optional<String> prefix) {
        prefix.ifPresent(p -> {
            where(column + " >= ?", p);
            successor(p).ifPresent(upper -> where(column + " < ?", upper));
            where(column + " LIKE ?", p + "%");
        });
        return this;
    }

    static Optional<String> successor(String digits) {
        String head = digits;
        while (!head.isEmpty() && head.charAt(head.length() - 1) == '9') {
            head = head.substring(0, head.length() - 1);
        }
        if (head.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(head.substring(0, head.length() - 1) + (char) (head.charAt(head.length() - 1) + 1));
    }

    /** {@code "WHERE a AND b ORDER BY key LIMIT ?"} with the limit appended to the parameters. */
    String clause(String key, int limit) {
        parameters.add(limit);
        return (conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + " ")
                + "ORDER BY " + key + " LIMIT ?";
    }

    Object[] parameters() {
        return parameters.toArray();
    }
}
