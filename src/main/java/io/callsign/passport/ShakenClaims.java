package io.callsign.passport;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The five claims of a SHAKEN PASSporT (RFC 8588 §8, ATIS-1000074 §5.3.2), validated on construction.
 * {@code destTns} is kept sorted and without duplicates (RFC 8225 §5.2.1, SIGN-08). Immutable.
 *
 * @param attest  "A", "B" or "C" (SIGN-13)
 * @param destTns called numbers in canonical form, at least one (SIGN-08, SIGN-09)
 * @param iat     issued-at, seconds since the epoch, non-negative (SIGN-06)
 * @param origTn  calling number in canonical form (SIGN-07, SIGN-09)
 * @param origid  opaque origination id; 1 to 64 printable ASCII characters. RFC 8588 §5 makes it a
 *                UUID and {@link PassportCodec#sign} insists on one (SIGN-14), but a verifier only
 *                reads it, so a foreign non-UUID value does not fail a call
 */
public record ShakenClaims(String attest, List<String> destTns, long iat, String origTn, String origid) {

    static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public ShakenClaims {
        Objects.requireNonNull(attest, "attest");
        Objects.requireNonNull(destTns, "destTns");
        Objects.requireNonNull(origTn, "origTn");
        Objects.requireNonNull(origid, "origid");
        if (!attest.equals("A") && !attest.equals("B") && !attest.equals("C")) {
            throw new IllegalArgumentException("attest '" + Texts.quote(attest) + "' must be A, B or C (RFC 8588 §4)");
        }
        // One callee is the usual call: no sorting machinery for it (this runs for every signature).
        destTns = destTns.size() == 1 ? List.of(requireTn("dest.tn", destTns.get(0)))
                : destTns.stream().map(tn -> requireTn("dest.tn", tn)).sorted().distinct().toList();
        if (destTns.isEmpty()) {
            throw new IllegalArgumentException("dest.tn needs at least one number (RFC 8225 §5.2.1)");
        }
        if (iat < 0) {
            throw new IllegalArgumentException("iat " + iat + " is negative; it is seconds since 1970");
        }
        requireTn("orig.tn", origTn);
        if (!isPrintableAscii(origid, 64)) {
            throw new IllegalArgumentException("origid '" + Texts.quote(origid)
                    + "' must be 1 to 64 printable ASCII characters, normally a UUID (RFC 8588 §5)");
        }
    }

    /** Claims for a new signature; checks additionally that {@code origid} is a UUID (SIGN-14). */
    public static ShakenClaims of(String attest, List<String> destTns, long iat, String origTn, String origid) {
        if (origid == null || !UUID.matcher(origid).matches()) {
            throw new IllegalArgumentException("origid '" + Texts.quote(origid) + "' is not a UUID (RFC 8588 §5)");
        }
        return new ShakenClaims(attest, destTns, iat, origTn, origid);
    }

    /** True when {@code origid} has the UUID form RFC 8588 §5 asks signers for. */
    public boolean origidIsUuid() {
        return UUID.matcher(origid).matches();
    }

    private static String requireTn(String claim, String tn) {
        if (tn == null || !isTn(tn)) {
            throw new IllegalArgumentException(claim + " '" + Texts.quote(tn)
                    + "' is not a canonical number: digits only, 1 to 15, optionally after # or * (RFC 8224 §8.3)");
        }
        return tn;
    }

    /** RFC 8224 §8.3 tn-spec as this service uses it: an optional leading # or *, then 1 to 15 digits. */
    static boolean isTn(String tn) {
        int from = !tn.isEmpty() && (tn.charAt(0) == '#' || tn.charAt(0) == '*') ? 1 : 0;
        if (tn.length() - from < 1 || tn.length() - from > 15) {
            return false;
        }
        for (int i = from; i < tn.length(); i++) {
            if (tn.charAt(i) < '0' || tn.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isPrintableAscii(String s, int maxLength) {
        if (s.isEmpty() || s.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x21 || s.charAt(i) > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
