package io.callsign.verification;

import io.callsign.numbers.TelephoneNumber;
import io.callsign.passport.ShakenClaims;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the SIP request says, independent of any Identity header: the verification instant, the Date,
 * and the calling and called numbers derived from the signalling, never from a PASSporT (RFC 8224
 * §6.2 Step 2, VER-11). Computed once per request. Immutable.
 *
 * @param now         the verifier's clock at the start of the request
 * @param date        the Date header's instant, when present and well-formed
 * @param dateProblem why the Date header is unusable (SEC-11), or null
 * @param caller      canonical calling number from P-Asserted-Identity, else From
 * @param callerFrom  which header gave {@code caller}, for messages
 * @param callee      canonical called number from To, else the Request-URI
 * @param callId      the Call-ID, for replay detection (VER-20)
 */
record CallFacts(Instant now, Optional<Instant> date, String dateProblem, Optional<String> caller, String callerFrom,
                 Optional<String> callee, String callId) {

    static CallFacts of(VerifyRequest request, Instant now, String countryCode) {
        Optional<Instant> date = Optional.empty();
        String dateProblem = null;
        if (request.date() != null && !request.date().isBlank()) {
            try {
                date = Optional.of(parseDate(request.date()));
            } catch (DateTimeException e) {
                dateProblem = "Date '" + Bounded.quote(request.date()) + "' is not an RFC 1123 GMT date such as "
                        + "'Mon, 30 Nov 2026 03:00:00 GMT' (RFC 3261 §20.17, SEC-11)";
            }
        }
        Optional<String> pai = number(request.pai(), countryCode);
        Optional<String> caller = pai.isPresent() ? pai : number(request.from(), countryCode);
        String callerFrom = pai.isPresent() ? "P-Asserted-Identity" : "From";
        Optional<String> to = number(request.to(), countryCode);
        Optional<String> callee = to.isPresent() ? to : number(request.ruri(), countryCode);
        return new CallFacts(now, date, dateProblem, caller, callerFrom, callee, request.callId());
    }

    /**
     * RFC 8224 §6.2 Step 2 and §6.2.4 (VER-11): orig must be the signalled caller and dest hold the
     * callee; returns why not, or null when both match.
     */
    String numbersMismatch(ShakenClaims claims) {
        if (caller.isEmpty()) {
            return "neither P-Asserted-Identity nor From names a telephone number, so orig.tn "
                    + claims.origTn() + " cannot be checked against the call (VER-11)";
        }
        if (!caller.get().equals(claims.origTn())) {
            return "orig.tn " + claims.origTn() + " is not the calling number " + caller.get() + " from "
                    + callerFrom + " (RFC 8224 §6.2 Step 2, VER-11)";
        }
        if (callee.isEmpty()) {
            return "neither To nor the Request-URI names a telephone number, so dest.tn " + claims.destTns()
                    + " cannot be checked against the call (VER-11)";
        }
        if (!claims.destTns().contains(callee.get())) {
            return "dest.tn " + claims.destTns() + " does not hold the called number " + callee.get()
                    + " (RFC 8224 §6.2.4, VER-11, VER-20)";
        }
        return null;
    }

    /** RFC 3261 §20.17: SIP-date is rfc1123-date and always GMT (SEC-11); see {@link SipDate}. */
    static Instant parseDate(String text) {
        return SipDate.parse(text);
    }

    /**
     * The first value of a possibly multi-valued header (PAI may carry a sip and a tel URI) that names
     * a telephone number, canonicalised (SIGN-09 on the verifier side).
     */
    private static Optional<String> number(String header, String countryCode) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        for (String value : splitValues(header)) {
            try {
                return Optional.of(TelephoneNumber.parse(value, countryCode).digits());
            } catch (IllegalArgumentException notANumber) {
                // try the next value; a header naming no number leaves the caller unknown
            }
        }
        return Optional.empty();
    }

    /** Splits a header at commas outside quotes and angle brackets (RFC 3261 §7.3.1). */
    static List<String> splitValues(String header) {
        List<String> values = new ArrayList<>();
        boolean quoted = false;
        int angle = 0;
        int start = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle++;
            } else if (!quoted && c == '>' && angle > 0) {
                angle--;
            } else if (!quoted && angle == 0 && c == ',') {
                values.add(header.substring(start, i).trim());
                start = i + 1;
            }
        }
        values.add(header.substring(start).trim());
        values.removeIf(String::isEmpty);
        return values;
    }
}
