package io.callsign.verification;

import io.callsign.passport.DecodedPassport;
import io.callsign.passport.IdentityHeader;
import io.callsign.passport.Reason;
import io.callsign.verification.VerificationConfig.Profile;
import java.util.Optional;

/**
 * The Identity header parameter rules that depend on the profile (section 9 of the conformance
 * checklist): ppt, alg, extra parameters, compact form, canonical JSON and info versus x5u. Each
 * returns the failure, or empty when the header may go on. Stateless.
 */
final class IdentityRules {

    /** A failure before any credential or signature work: the code and a precise detail. */
    record Refusal(Reason reason, String detail) {
    }

    private IdentityRules() {
    }

    /**
     * RFC 8224 §6.2 Step 1 (VER-02, HDR-06): true when the header's ppt is one this verifier does not
     * support, so the header is ignored. Under the strict profile a wrong or missing ppt is a 438
     * instead ({@link #parameters}), so nothing is ignored on the parameter alone.
     */
    static boolean unsupportedPpt(IdentityHeader header, Profile profile) {
        return profile == Profile.RFC && header.ppt() != null && !header.ppt().equalsIgnoreCase("shaken");
    }

    /** HDR-04..07: compact form, the alg and ppt parameters, extra parameters. */
    static Optional<Refusal> parameters(IdentityHeader header, Profile profile) {
        if (header.compactForm()) {
            return refuse(Reason.INVALID_IDENTITY_HEADER, "the PASSporT is in compact form '..signature'; "
                    + "SHAKEN uses the full form (RFC 8588 §3, HDR-04)");
        }
        boolean strict = profile == Profile.STRICT;
        if (header.alg() == null) {
            return strict ? refuse(Reason.UNSUPPORTED_CREDENTIAL, "the Identity header has no alg parameter; "
                    + "the strict profile requires alg=ES256 (HDR-05)") : Optional.empty();
        }
        boolean es256 = strict ? header.alg().equals("ES256") : header.alg().equalsIgnoreCase("ES256");
        if (!es256) {
            return refuse(Reason.UNSUPPORTED_CREDENTIAL, "alg=" + Bounded.quote(header.alg())
                    + " is not supported; only ES256 is (RFC 8224 §4.1, HDR-05)");
        }
        if (strict && !"shaken".equals(header.ppt())) {
            return refuse(Reason.INVALID_IDENTITY_HEADER, (header.ppt() == null ? "the Identity header has no ppt"
                    : "ppt=" + Bounded.quote(header.ppt())) + "; the strict profile requires ppt=shaken (HDR-06)");
        }
        if (strict && !header.extensions().isEmpty()) {
            return refuse(Reason.INVALID_IDENTITY_HEADER, "parameters " + Bounded.quote(header.extensions().keySet().toString())
                    + " are not allowed by the strict profile (HDR-07)");
        }
        return Optional.empty();
    }

    /** VER-21 (strict only) and HDR-10, once the PASSporT is decoded. */
    static Optional<Refusal> passport(IdentityHeader header, DecodedPassport passport, Profile profile) {
        if (profile == Profile.STRICT && !passport.canonical()) {
            return refuse(Reason.INVALID_IDENTITY_HEADER, "the PASSporT JSON is not in the canonical form of "
                    + "RFC 8225 §9 (sorted keys, no whitespace), which the strict profile requires (VER-21)");
        }
        if (!header.infoMatches(passport.x5u())) {
            // RFC 8224 §4.1: x5u MUST equal info (RFC 3986 §6.2.1 string comparison); MAN answers 436.
            Reason reason = profile == Profile.STRICT ? Reason.BAD_IDENTITY_INFO : Reason.INVALID_IDENTITY_HEADER;
            return refuse(reason, "info <" + Bounded.quote(header.info().toString()) + "> differs from the PASSporT x5u '"
                    + Bounded.quote(passport.x5u().toString()) + "' (RFC 8224 §4.1, HDR-10); nothing was fetched");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(Reason reason, String detail) {
        return Optional.of(new Refusal(reason, detail));
    }
}
