package io.callsign.provisioning;

import io.callsign.http.Problem;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Field checks shared by the API, the CSV import and the CLI. Each check names the field and the
 * offending value, and says what would be accepted. The patterns mirror the schema's domains
 * ({@code e164_digits}, {@code object_key}) so the database never has to refuse what passed here.
 */
final class Check {

    static final List<String> TRUNK_KINDS = List.of("customer", "peering", "gateway", "internal");

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,15}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
    private static final Pattern SIP_USER = Pattern.compile("\\S{1,255}");

    private Check() {
    }

    /** An E.164 number as digits; a leading {@code +} is accepted and stripped. */
    static String tn(String field, String value) {
        String digits = required(field, value).startsWith("+") ? value.substring(1) : value;
        if (!DIGITS.matcher(digits).matches()) {
            throw bad(field, value, "is not 1-15 digits");
        }
        return digits;
    }

    /** An identifier of subscribers, blocks and trunks (the schema's {@code object_key}). */
    static String key(String field, String value) {
        if (!KEY.matcher(required(field, value)).matches()) {
            throw bad(field, value, "is not an identifier (1-128 of letters, digits, '.', '_', ':', '@', '-', "
                    + "starting with a letter or digit)");
        }
        return value;
    }

    /** A body may repeat the path's key, e.g. {@code "id"} in PUT /v1/subscribers/{id}, but not contradict it. */
    static void samePathKey(String field, String inBody, String pathKey) {
        if (inBody != null && !inBody.equals(pathKey)) {
            throw Problem.badRequest("field '" + field + "': '" + inBody + "' differs from '" + pathKey + "' in the path");
        }
    }

    static boolean isKey(String value) {
        return KEY.matcher(value).matches();
    }

    /** A SIP identity (digest user or AOR) as stored in {@code subscriber_users}. */
    static String sipUser(String field, String value) {
        if (!SIP_USER.matcher(required(field, value)).matches()) {
            throw bad(field, value, "is not a SIP identity (1-255 characters without spaces)");
        }
        return value;
    }

    static String kind(String value) {
        if (!TRUNK_KINDS.contains(required("kind", value))) {
            throw bad("kind", value, "is not a trunk kind; use customer, peering, gateway or internal");
        }
        return value;
    }

    /** An instant in ISO 8601 with an offset ({@code 2026-01-01T00:00:00Z}) or a date (midnight UTC). */
    static Optional<OffsetDateTime> instant(String field, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(value));
        } catch (DateTimeParseException e) {
            throw bad(field, value, "is not a date-time; use ISO 8601 such as 2026-01-01T00:00:00Z or 2026-01-01");
        }
    }

    /** The schema's {@code telephone_numbers_validity}: the window must not be empty. */
    static void window(Optional<OffsetDateTime> from, Optional<OffsetDateTime> until) {
        if (from.isPresent() && until.isPresent() && !until.get().isAfter(from.get())) {
            throw Problem.badRequest("field 'validUntil': " + until.get() + " is not after validFrom " + from.get());
        }
    }

    static String required(String field, String value) {
        if (value == null) {
            throw Problem.badRequest("field '" + field + "' is required");
        }
        return value;
    }

    static Problem bad(String field, String value, String what) {
        return Problem.badRequest("field '" + field + "': '" + value + "' " + what);
    }
}
