package io.callsign.provisioning;

import io.callsign.http.Problem;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query of a list route: filters, page size and keyset cursor. Keyset paging ({@code WHERE key >
 * after ORDER BY key}) stays fast at any depth and never skips or repeats rows when others change.
 */
record ListQuery(Map<String, String> filters, Optional<String> after, int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** Reads the query string, refusing names that are not filters of this route (typos). */
    static ListQuery parse(Map<String, Deque<String>> parameters, List<String> allowed) {
        Map<String, String> filters = new HashMap<>();
        Optional<String> after = Optional.empty();
        int limit = DEFAULT_LIMIT;
        for (Map.Entry<String, Deque<String>> e : parameters.entrySet()) {
            String value = e.getValue().getFirst();
            switch (e.getKey()) {
                case "limit" -> limit = limit(value);
                case "after" -> after = Optional.of(value);
                default -> {
                    if (!allowed.contains(e.getKey())) {
                        throw Problem.badRequest("unknown query parameter '" + e.getKey() + "'; use "
                                + String.join(", ", allowed) + (allowed.isEmpty() ? "" : ", ") + "limit or after");
                    }
                    filters.put(e.getKey(), value);
                }
            }
        }
        return new ListQuery(Map.copyOf(filters), after, limit);
    }

    Optional<String> filter(String name) {
        return Optional.ofNullable(filters.get(name));
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Problem.badRequest("query 'limit': '" + value + "' is not a number from 1 to " + MAX_LIMIT);
    }
}
