package io.callsign.signing;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Sign request bodies for fuzzing: about a third well-formed with plausible and hostile values, a
 * third with values of every JSON type in every field, a third byte-level mutations of good bodies
 * (flips, cuts, insertions, odd top-level values). Deterministic for a given {@link Random}.
 */
final class SignBodies {

    private static final List<String> FIELDS = List.of("from", "pai", "orig", "to", "ruri", "dest", "callId",
            "sourceIp", "authUser", "registered", "trunk", "attest", "origid", "date");

    private static final List<String> NUMBERS = List.of("sip:+15145559876@ims.local;user=phone", "tel:+1-514-555-9877",
            "\"Alice\" <sip:+15145559876@ims.local>;tag=9", "15145551234", "5145551234", "+15145551234", "*67",
            "sip:*67@h", "#31#", "sip:anonymous@anonymous.invalid", "tel:911", "sip:alice@ims.local",
            "sip:+1@anonymous.invalid", "tel:5551234;phone-context=+1514", "tel:5551234;phone-context=example.com",
            "sip:%2B15145559876@h", "sip:%zz@h", "sip:%C3%A9@h", "<sip:+15145559876@h", "\"unclosed <sip:1@h>",
            "sip:", "sip:@", "tel:", "mailto:a@b", "1234567890123456", "0", "", " ", "sip:+1 514 555 9876@h",
            "sip:+15145559876:pw@h", "sips:+15145559876@h?subject=x", "\u0661\u0662\u0663", "\uD83D\uDCDE 5145559876");

    private static final List<String> OTHERS = List.of("192.0.2.10", "198.18.0.1", "2001:db8::1", "[2001:db8::1]",
            "::ffff:192.0.2.10", "1.2.3", "1.2.3.4.5", "256.1.1.1", "fe80::1%eth0", "localhost", "A", "B", "C", "a",
            "auto", "123e4567-e89b-12d3-a456-426655440000", "123E4567-E89B-12D3-A456-426655440000", "not-a-uuid",
            "Mon, 30 Nov 2026 03:00:00 GMT", "Mon, 30 Nov 2026 02:58:00 GMT", "Mon, 30 Nov 2026 03:00:30 GMT",
            "Tue, 30 Nov 2026 03:00:00 GMT", "Mon, 30 Nov 2026 03:00:00 +0000", "alice@ims.local", "sip:alice@ims.local",
            "pstn-gw-1", "unknown-trunk", "true", "yes");

    private final Random random;

    SignBodies(Random random) {
        this.random = random;
    }

    byte[] next() {
        return switch (random.nextInt(3)) {
            case 0 -> plausible().getBytes(StandardCharsets.UTF_8);
            case 1 -> anyTypes().getBytes(StandardCharsets.UTF_8);
            default -> mutated();
        };
    }

    /** Right types, values from the lists above (or random text); each field present or not. */
    private String plausible() {
        StringBuilder json = new StringBuilder("{");
        field(json, "from", quoted(pick(NUMBERS)), 0.9);
        field(json, "pai", quoted(pick(NUMBERS)), 0.15);
        field(json, "orig", quoted(pick(NUMBERS)), 0.1);
        field(json, "to", quoted(pick(NUMBERS)), 0.85);
        field(json, "dest", "[" + quoted(pick(NUMBERS)) + (random.nextBoolean() ? "," + quoted(pick(NUMBERS)) : "") + "]", 0.15);
        field(json, "sourceIp", quoted(pick(OTHERS)), 0.4);
        field(json, "authUser", quoted(random.nextInt(3) == 0 ? randomText() : "alice@ims.local"), 0.5);
        field(json, "registered", random.nextBoolean() ? "true" : "false", 0.3);
        field(json, "trunk", quoted(pick(OTHERS)), 0.2);
        field(json, "attest", quoted(pick(OTHERS)), 0.15);
        field(json, "origid", quoted(pick(OTHERS)), 0.15);
        field(json, "date", quoted(pick(OTHERS)), 0.15);
        field(json, "callId", quoted(randomText()), 0.3);
        field(json, "extension" + random.nextInt(5), anyValue(2), 0.1);
        if (json.length() > 1) {
            json.setLength(json.length() - 1);
        }
        return json.append('}').toString();
    }

    /** Every field may get any JSON value: numbers, booleans, arrays, objects, null. */
    private String anyTypes() {
        StringBuilder json = new StringBuilder("{\"from\":\"tel:+15145559876\",\"to\":\"15145551234\"");
        for (String name : FIELDS) {
            if (random.nextInt(4) == 0) {
                json.append(",\"").append(name).append("\":").append(anyValue(3));
            }
        }
        return json.append('}').toString();
    }

    private byte[] mutated() {
        byte[] good = plausible().getBytes(StandardCharsets.UTF_8);
        // Deep nesting (cases 4 and 5) is slow to refuse (Jackson builds the error path), so it is rarer.
        return switch (random.nextInt(24)) {
            case 0, 6, 7, 8, 9 -> flip(good);
            case 1, 10, 11, 12, 13 -> java.util.Arrays.copyOf(good, random.nextInt(good.length + 1));
            case 2, 14, 15, 16, 17 -> insert(good, pick(List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "null", "1e999", "\u0000", "\uFEFF")));
            case 3, 18, 19 -> pick(List.of("", " ", "null", "[]", "[{}]", "\"from\"", "42", "true", "{}", "{\"from\":1}{}",
                    "{\"from\":\"tel:+15145559876\",\"from\":\"tel:+15145559876\",\"to\":\"1\"}")).getBytes(StandardCharsets.UTF_8);
            case 4 -> ("[".repeat(random.nextInt(1500)) + "]".repeat(random.nextInt(1500))).getBytes(StandardCharsets.UTF_8);
            case 5 -> ("{\"x\":" + "{\"y\":".repeat(random.nextInt(1500)) + "1" + "}".repeat(random.nextInt(1501)) + ",\"from\":\"1\",\"to\":\"2\"}")
                    .getBytes(StandardCharsets.UTF_8);
            default -> randomBytes();
        };
    }

    private String anyValue(int depth) {
        int kind = depth <= 0 ? random.nextInt(6) : random.nextInt(8);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> pick(List.of("0", "-1", "15145559876", "1.5e3", "1e400", "-0.0", "12345678901234567890123"));
            case 3 -> quoted(pick(NUMBERS));
            case 4 -> quoted(pick(OTHERS));
            case 5 -> quoted(randomText());
            case 6 -> "[" + anyValue(depth - 1) + (random.nextBoolean() ? "," + anyValue(depth - 1) : "") + "]";
            default -> "{\"" + pick(FIELDS) + "\":" + anyValue(depth - 1) + "}";
        };
    }

    private void field(StringBuilder json, String name, String value, double probability) {
        if (random.nextDouble() < probability) {
            json.append('"').append(name).append("\":").append(value).append(',');
        }
    }

    private String randomText() {
        int length = random.nextInt(10) == 0 ? random.nextInt(3000) : random.nextInt(40);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(5)) {
                case 0 -> (char) random.nextInt(0x80);
                case 1 -> "0123456789+-()*#;@:<>%\" ".charAt(random.nextInt(24));
                case 2 -> (char) random.nextInt(0x10000);
                default -> (char) ('a' + random.nextInt(26));
            });
        }
        return text.toString();
    }

    /** A JSON string literal: escapes what JSON requires, keeps the rest (lone surrogates included). */
    private static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append("\\u").append(HexFormat.of().toHexDigits(c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private byte[] flip(byte[] good) {
        byte[] bad = good.clone();
        for (int n = 1 + random.nextInt(3); n > 0 && bad.length > 0; n--) {
            bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
        }
        return bad;
    }

    private byte[] insert(byte[] good, String piece) {
        int at = random.nextInt(good.length + 1);
        byte[] add = piece.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[good.length + add.length];
        System.arraycopy(good, 0, out, 0, at);
        System.arraycopy(add, 0, out, at, add.length);
        System.arraycopy(good, at, out, at + add.length, good.length - at);
        return out;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
