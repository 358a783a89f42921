package io.callsign.signing;

import io.callsign.attestation.AttestationLevel;
import io.callsign.attestation.CallOrigin;
import io.callsign.http.Problem;
import io.callsign.rtjson.RtjsonOption;
import java.time.Instant;

/**
 * A sign request checked field by field, before any policy applies: anything malformed is a 400
 * {@link Problem} whose detail names the field, whatever the settings (a disabled signer still tells
 * a proxy that its request is broken). Well-formed parties that are not telephone numbers (an
 * anonymous caller, a SIP user name) are not an error: {@code notSignable} says why no signature.
 *
 * @param requested   the per-call {@code attest}, or null
 * @param origid      the given origination id (lower case), or null for a fresh one
 * @param origin      where the call came from, with the From AOR for registered-contact matching
 * @param date        the INVITE's Date, or null when it had none
 * @param parties     the canonical numbers, or null when {@code notSignable}
 * @param notSignable why the parties cannot be signed for, or null
 * @param rtjson      the rtjson option, or null when the request asked for none
 */
record SignInput(AttestationLevel requested, String origid, CallOrigin origin, Instant date, CallParties parties,
        String notSignable, RtjsonOption rtjson) {

    static SignInput of(SignRequest request, String countryCode) {
        if (request == null) {
            throw Problem.badRequest("the request is JSON null; send an object with at least 'from' and 'to'");
        }
        AttestationLevel requested = requestedLevel(request.attest());
        String origid = origid(request.origid());
        Instant date = date(request.date());
        CallOrigin origin = origin(request);
        RtjsonOption rtjson = RtjsonOption.parse(request.rtjson(), request.ruri(), request.to());
        try {
            return new SignInput(requested, origid, origin, date, CallParties.of(request, countryCode), null, rtjson);
        } catch (CallParties.NotSignable e) {
            return new SignInput(requested, origid, origin, date, null, e.getMessage(), rtjson);
        }
    }

    private static AttestationLevel requestedLevel(String attest) {
        if (attest == null || attest.isBlank()) {
            return null;
        }
        return switch (attest) {
            case "A" -> AttestationLevel.A;
            case "B" -> AttestationLevel.B;
            case "C" -> AttestationLevel.C;
            default -> throw Problem.badRequest("field 'attest': '" + shorten(attest) + "' is not A, B or C (RFC 8588 §4)");
        };
    }

    private static String origid(String origid) {
        if (origid == null || origid.isBlank()) {
            return null;
        }
        if (!isUuid(origid)) {
            throw Problem.badRequest("field 'origid': '" + shorten(origid)
                    + "' is not a UUID such as 123e4567-e89b-12d3-a456-426655440000 (RFC 8588 §5); omit it for a fresh one");
        }
        return origid.toLowerCase(java.util.Locale.ROOT);
    }

    /** 8-4-4-4-12 hexadecimal digits (RFC 4122 §3), checked without a regular expression. */
    static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0 || c > 'f') {
                return false;
            }
        }
        return true;
    }

    private static CallOrigin origin(SignRequest r) {
        try {
            return CallOrigin.of(r.trunk(), r.sourceIp(), r.authUser(), r.registered(), CallParties.aor(r.from()));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("field 'sourceIp': '" + shorten(r.sourceIp())
                    + "' is not an IP address literal (e.g. 192.0.2.10 or 2001:db8::1)");
        }
    }

    private static Instant date(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return SipDate.parse(date);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("field 'date': " + e.getMessage());
        }
    }

    /** Echoes client input into messages at a bounded length. */
    static String shorten(String s) {
        return s == null || s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
