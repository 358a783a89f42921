package io.callsign.signing;

import io.callsign.http.Problem;
import io.callsign.numbers.NotATelephoneNumberException;
import io.callsign.numbers.TelephoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The canonical calling and called numbers of a sign request (SIGN-09): the caller from PAI, else
 * From, else {@code orig}; the callees from {@code dest}, else To, else the Request-URI. Presence is
 * checked for both sides before either is parsed, so a missing side is always a 400, even when the
 * other side is anonymous.
 *
 * @param orig canonical calling number
 * @param dest canonical called numbers
 */
record CallParties(TelephoneNumber orig, List<String> dest) {

    /** Thrown when the parties are well-formed SIP but not telephone numbers: not signed, not a 400. */
    static final class NotSignable extends RuntimeException {
        NotSignable(String reason) {
            super(reason, null, false, false);
        }
    }

    static CallParties of(SignRequest request, String countryCode) {
        Field caller = caller(request);
        List<Field> callees = callees(request);
        TelephoneNumber orig = parse("caller", caller, countryCode);
        List<String> dest = new ArrayList<>(callees.size());
        for (Field callee : callees) {
            dest.add(parse("callee", callee, countryCode).digits());
        }
        return new CallParties(orig, dest);
    }

    /** A request field by its name in messages, e.g. "dest[1]", and its value. */
    private record Field(String name, String value) {
    }

    private static Field caller(SignRequest r) {
        if (present(r.pai())) {
            return new Field("pai", r.pai());
        }
        if (present(r.from())) {
            return new Field("from", r.from());
        }
        if (present(r.orig())) {
            return new Field("orig", r.orig());
        }
        throw Problem.badRequest("field 'from': missing; send the From URI, the P-Asserted-Identity ('pai') or 'orig'");
    }

    private static List<Field> callees(SignRequest r) {
        if (r.dest() != null && !r.dest().isEmpty()) {
            List<Field> fields = new ArrayList<>(r.dest().size());
            for (int i = 0; i < r.dest().size(); i++) {
                if (!present(r.dest().get(i))) {
                    throw Problem.badRequest("field 'dest[" + i + "]': empty or null; send digits or a SIP or tel URI");
                }
                fields.add(new Field("dest[" + i + "]", r.dest().get(i)));
            }
            return fields;
        }
        if (present(r.to())) {
            return List.of(new Field("to", r.to()));
        }
        if (present(r.ruri())) {
            return List.of(new Field("ruri", r.ruri()));
        }
        throw Problem.badRequest("field 'to': missing; send the To URI, the Request-URI ('ruri') or 'dest'");
    }

    private static TelephoneNumber parse(String role, Field field, String countryCode) {
        try {
            return TelephoneNumber.parse(field.value(), countryCode);
        } catch (NotATelephoneNumberException e) {
            throw new NotSignable("not signed: the " + role + " (" + field.name() + ") is not a telephone number: "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("field '" + field.name() + "': " + e.getMessage());
        }
    }

    /**
     * user@host of the SIP URI in a From value (host lower-cased), for registered-contact matching;
     * null when there is none. Never throws: a From that is no SIP URI simply has no AOR.
     */
    static String aor(String from) {
        if (!present(from)) {
            return null;
        }
        String s = from;
        int lt = s.indexOf('<');
        if (lt >= 0) {
            int gt = s.indexOf('>', lt);
            s = s.substring(lt + 1, gt < 0 ? s.length() : gt);
        }
        s = s.strip();
        int colon = s.indexOf(':');
        String scheme = colon < 0 ? "" : s.substring(0, colon);
        if (!scheme.equalsIgnoreCase("sip") && !scheme.equalsIgnoreCase("sips")) {
            return null;
        }
        s = s.substring(colon + 1);
        int end = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ';' || c == '?' || c == '>') {
                end = i;
                break;
            }
        }
        s = s.substring(0, end);
        int at = s.lastIndexOf('@');
        return at <= 0 || at == s.length() - 1 ? null : s.substring(0, at) + "@" + s.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
