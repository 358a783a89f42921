package io.callsign.provisioning;

import io.callsign.http.Problem;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One row of a number import ({@code tn,subscriber,verified[,valid_from,valid_until]}), checked with
 * the same rules as {@code PUT /v1/numbers/{tn}}. Whether the subscriber exists is checked later, in
 * SQL, for all rows at once.
 */
record ImportRow(String tn, String subscriber, boolean verified, Optional<OffsetDateTime> validFrom,
        Optional<OffsetDateTime> validUntil) {

    static final String COLUMNS = "tn,subscriber,verified[,valid_from,valid_until]";
    private static final List<String> NAMES = List.of("tn", "subscriber", "verified", "valid_from", "valid_until");

    /** Checks one record's fields; throws {@link IllegalArgumentException} with the reason. */
    static ImportRow parse(List<String> fields) {
        if (fields.size() < 3 || fields.size() > 5) {
            throw new IllegalArgumentException(fields.size() + " field(s); expected " + COLUMNS);
        }
        try {
            Optional<OffsetDateTime> from = Check.instant("valid_from", field(fields, 3));
            Optional<OffsetDateTime> until = Check.instant("valid_until", field(fields, 4));
            if (from.isPresent() && until.isPresent() && !until.get().isAfter(from.get())) {
                throw new IllegalArgumentException("valid_until " + fields.get(4) + " is not after valid_from " + fields.get(3));
            }
            return new ImportRow(Check.tn("tn", fields.get(0).trim()), Check.key("subscriber", fields.get(1).trim()),
                    bool(fields.get(2)), from, until);
        } catch (Problem p) {
            throw new IllegalArgumentException(p.detail());
        }
    }

    /** Whether a first line is a header row rather than data. */
    static boolean isHeader(List<String> fields) {
        return fields.get(0).trim().equalsIgnoreCase("tn");
    }

    /** A header must name the columns in the order this import reads them. */
    static void checkHeader(List<String> fields) {
        List<String> names = fields.stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList();
        if (names.size() < 3 || names.size() > 5 || !names.equals(NAMES.subList(0, names.size()))) {
            throw Problem.badRequest("line 1: header '" + String.join(",", fields) + "' does not match " + COLUMNS);
        }
    }

    /** Appends this row as a line of PostgreSQL COPY CSV: line number first, empty = NULL. */
    void appendCopy(long line, StringBuilder out) {
        out.append(line).append(',').append(tn).append(',').append(subscriber).append(',').append(verified).append(',');
        validFrom.ifPresent(v -> out.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(v)));
        out.append(',');
        validUntil.ifPresent(v -> out.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(v)));
        out.append('\n');
    }

    private static String field(List<String> fields, int index) {
        return index < fields.size() ? fields.get(index).trim() : "";
    }

    private static boolean bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1" -> true;
            case "false", "f", "no", "n", "0", "" -> false;
            default -> throw new IllegalArgumentException("field 'verified': '" + text + "' is not true or false");
        };
    }
}
