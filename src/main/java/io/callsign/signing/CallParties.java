package io.callsign.signing;

import io.callsign.http.Problem;
import io.callsign.numbers.NotATelephoneNumberException;
import io.callsign.numbers.TelephoneNumber;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical calling and called numbers of a sign request (SIGN-09): the caller from PAI, else
 * From, else {@code orig}; the callees from {@code dest}, else To, else the Request-URI.
 *
 * @param orig      canonical calling number
 * @param dest      canonical called numbers
 * @param fromAor   user@host of the From URI, for registered-contact matching; may be null
 */
record CallParties(TelephoneNumber orig, List<String> dest, String fromAor) {

    /** Thrown when the parties are well-formed SIP but not telephone numbers: not signed, not a 400. */
    static final class NotSignable extends RuntimeException {
        NotSignable(String reason) {
            super(reason, null, false, false);
        }
    }

    static CallParties of(SignRequest request, String countryCode) {
        return new CallParties(caller(request, countryCode), callees(request, countryCode), aor(request.from()));
    }

    private static TelephoneNumber caller(SignRequest r, String cc) {
        String field = present(r.pai()) ? "pai" : present(r.from()) ? "from" : present(r.orig()) ? "orig" : null;
        if (field == null) {
            throw Problem.badRequest("field 'from': missing; send the From URI, the P-Asserted-Identity ('pai') or 'orig'");
        }
        String value = switch (field) {
            case "pai" -> r.pai();
            case "from" -> r.from();
            default -> r.orig();
        };
        try {
            return TelephoneNumber.parse(value, cc);
        } catch (NotATelephoneNumberException e) {
            throw new NotSignable("not signed: the caller (" + field + ") is not a telephone number: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("field '" + field + "': " + e.getMessage());
        }
    }

    private static List<String> callees(SignRequest r, String cc) {
        if (r.dest() != null && !r.dest().isEmpty()) {
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < r.dest().size(); i++) {
                numbers.add(callee("dest[" + i + "]", r.dest().get(i), cc));
            }
            return numbers;
        }
        if (present(r.to())) {
            return List.of(callee("to", r.to(), cc));
        }
        if (present(r.ruri())) {
            return List.of(callee("ruri", r.ruri(), cc));
        }
        throw Problem.badRequest("field 'to': missing; send the To URI, the Request-URI ('ruri') or 'dest'");
    }

    private static String callee(String field, String value, String cc) {
        if (value == null) {
            throw Problem.badRequest("field '" + field + "': null; send a SIP or tel URI or digits");
        }
        try {
            return TelephoneNumber.parse(value, cc).digits();
        } catch (NotATelephoneNumberException e) {
            throw new NotSignable("not signed: the callee (" + field + ") is not a telephone number: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("field '" + field + "': " + e.getMessage());
        }
    }

    /** user@host of a SIP URI inside a From value, lower-cased host; null when there is none. */
    private static String aor(String from) {
        if (!present(from)) {
            return null;
        }
        String s = from;
        int lt = s.indexOf('<');
        if (lt >= 0) {
            int gt = s.indexOf('>', lt);
            s = s.substring(lt + 1, gt < 0 ? s.length() : gt);
        }
        int colon = s.indexOf(':');
        if (colon < 0 || !s.substring(0, colon).toLowerCase().startsWith("sip")) {
            return null;
        }
        s = s.substring(colon + 1);
        int end = s.length();
        for (char c : new char[] {';', '?', '>'}) {
            int i = s.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        s = s.substring(0, end);
        int at = s.lastIndexOf('@');
        return at < 0 ? null : s.substring(0, at) + "@" + s.substring(at + 1).toLowerCase();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
