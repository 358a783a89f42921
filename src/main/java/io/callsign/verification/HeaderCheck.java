package io.callsign.verification;

import io.callsign.certificates.Credential;
import io.callsign.certificates.Resolution;
import io.callsign.passport.DecodedPassport;
import io.callsign.passport.IdentityHeader;
import io.callsign.passport.IdentityHeaderCodec;
import io.callsign.passport.PassportCodec;
import io.callsign.passport.PassportException;
import io.callsign.passport.Reason;
import io.callsign.passport.ShakenClaims;
import java.time.Instant;
import java.util.Optional;

/**
 * The RFC 8224 §6.2 steps for one Identity header, in order (VER-01): syntax and ppt, the profile's
 * parameter rules, the originator and callee from the signalling (Step 2, VER-11), freshness (Step 4,
 * VER-05/06/08), the credential (Steps 3-4: fetch, trust, validity at the call time, VER-07/13/14),
 * the signature over the received bytes (Step 5, VER-12/21), then replay (VER-20). Freshness is judged
 * before the credential is dereferenced, so a stale or replayed request never causes a fetch.
 * {@link #prepare} runs the steps without effects, up to and including the credential; {@link #finish}
 * the signature and the replay record, so a request can be given up (to be redone where waiting for
 * a fetch is fine) before anything is recorded. Never throws for any input, except {@link NeedsFetch}
 * when asked not to wait. Thread-safe. Longer than most classes because the RFC's steps read
 * best in their order, in one place.
 */
final class HeaderCheck {

    private final VerificationConfig config;
    private final CredentialSource credentials;
    private final VerifierCache verifiers;
    private final ReplayGuard replays;

    HeaderCheck(VerificationConfig config, CredentialSource credentials, VerifierCache verifiers, ReplayGuard replays) {
        this.config = config;
        this.credentials = credentials;
        this.verifiers = verifiers;
        this.replays = replays;
    }

    /**
     * Thrown by {@link #prepare} asked not to wait when the credential is not in memory; carries no
     * stack trace (it is control flow, and on the warm path it is never thrown).
     */
    static final class NeedsFetch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NeedsFetch() {
            super("the credential needs a fetch", null, false, false);
        }
    }

    private static final NeedsFetch NEEDS_FETCH = new NeedsFetch();

    /**
     * Steps 1-4 are done: either {@code outcome} is final (failed or ignored), or the signature is next,
     * with {@code passport}, the trusted {@code credential} and the {@code ppi} for a Reason.
     */
    record Prepared(HeaderOutcome outcome, DecodedPassport passport, Credential credential, String ppi) {
        static Prepared done(HeaderOutcome outcome) {
            return new Prepared(outcome, null, null, null);
        }
    }

    /** All steps for one header, waiting for a fetch if need be. */
    HeaderOutcome check(String value, CallFacts call) {
        return finish(prepare(value, call, true), call);
    }

    /**
     * The steps without effects, up to the credential (RFC 8224 §6.2 Steps 1-4).
     *
     * @param mayWait false on an I/O thread: a credential that is not in memory throws {@link NeedsFetch}
     */
    Prepared prepare(String value, CallFacts call, boolean mayWait) {
        IdentityHeader header;
        try {
            header = IdentityHeaderCodec.parse(value);
        } catch (PassportException e) {
            return Prepared.done(new HeaderOutcome.Failed(e.reason(), e.detail(), null, null));
        }
        if (IdentityRules.unsupportedPpt(header, config.profile())) {
            return Prepared.done(new HeaderOutcome.Ignored("ppt=" + Bounded.quote(header.ppt())
                    + " is not supported, only shaken; the header is ignored (RFC 8224 §6.2 Step 1, VER-02)"));
        }
        String ppi = ppi(header.token());
        Optional<IdentityRules.Refusal> refusal = IdentityRules.parameters(header, config.profile());
        if (refusal.isPresent()) {
            return done(refusal.get().reason(), refusal.get().detail(), header.info().toString(), ppi);
        }
        DecodedPassport passport;
        try {
            // VER-21: only the strict profile looks at the canonical form; the rfc profile skips its cost.
            passport = PassportCodec.decode(header.token(), config.profile() == VerificationConfig.Profile.STRICT);
        } catch (PassportException e) {
            if (e.reason() == Reason.USE_SUPPORTED_PASSPORT_FORMAT && config.profile() == VerificationConfig.Profile.RFC) {
                return Prepared.done(new HeaderOutcome.Ignored(e.detail() + "; the header is ignored"));
            }
            return done(e.reason(), e.detail(), header.info().toString(), ppi);
        }
        return checkDecoded(header, passport, call, ppi, mayWait);
    }

    private Prepared checkDecoded(IdentityHeader header, DecodedPassport passport, CallFacts call, String ppi,
                                  boolean mayWait) {
        String x5u = passport.x5u().toString();
        Optional<IdentityRules.Refusal> refusal = IdentityRules.passport(header, passport, config.profile());
        if (refusal.isPresent()) {
            return done(refusal.get().reason(), refusal.get().detail(), header.info().toString(), ppi);
        }
        String mismatch = call.numbersMismatch(passport.claims());
        if (mismatch != null) {
            return done(Reason.INVALID_IDENTITY_HEADER, mismatch, x5u, ppi);
        }
        Optional<IdentityRules.Refusal> stale = staleness(passport.claims(), call);
        if (stale.isPresent()) {
            return done(stale.get().reason(), stale.get().detail(), x5u, ppi);
        }
        Instant callTime = call.date().orElse(Instant.ofEpochSecond(passport.claims().iat()));
        Resolution resolution = mayWait ? credentials.resolve(x5u, callTime)
                : credentials.resolveWithoutWaiting(x5u, callTime).orElseThrow(() -> NEEDS_FETCH);
        if (resolution instanceof Resolution.Failed failure) {
            Reason reason = failure.kind().sipCode() == 436 ? Reason.BAD_IDENTITY_INFO : Reason.UNSUPPORTED_CREDENTIAL;
            return done(reason, failure.message(), x5u, ppi);
        }
        return new Prepared(null, passport, ((Resolution.Trusted) resolution).credential(), ppi);
    }

    /** Step 5 (the signature over the received bytes, VER-12) and replay (VER-20): the steps with effects. */
    HeaderOutcome finish(Prepared prepared, CallFacts call) {
        if (prepared.outcome() != null) {
            return prepared.outcome();
        }
        DecodedPassport passport = prepared.passport();
        Credential credential = prepared.credential();
        String ppi = prepared.ppi();
        boolean valid;
        try {
            valid = passport.verifiedBy(verifiers.verifierFor(credential.publicKey()));
        } catch (PassportException e) {
            return failed(e.reason(), "x5u " + credential.x5u() + ": " + e.detail(), credential.x5u(), ppi);
        }
        if (!valid) {
            return failed(Reason.INVALID_IDENTITY_HEADER, "the signature does not verify with the key of "
                    + credential.x5u() + " (SPC " + credential.spc() + "); the header or payload was altered or "
                    + "signed with another key (RFC 8224 §6.2 Step 5, VER-12)", credential.x5u(), ppi);
        }
        boolean replay = config.replay() != VerificationConfig.Replay.OFF
                && replays.replayed(passport.signature(), call.callId(), call.now());
        if (replay && config.replay() == VerificationConfig.Replay.REJECT) {
            return failed(Reason.INVALID_IDENTITY_HEADER, "this PASSporT was already verified for another call "
                    + "within the freshness window: a replay (RFC 8224 §12.1, VER-20, CALLSIGN_REPLAY=reject)",
                    credential.x5u(), ppi);
        }
        return new HeaderOutcome.Passed(passport, credential, replay);
    }

    /** Step 4: an unusable or required-but-missing Date is 438 (SEC-11, VER-08); a stale one 403. */
    private Optional<IdentityRules.Refusal> staleness(ShakenClaims claims, CallFacts call) {
        if (call.dateProblem() != null) {
            return Optional.of(new IdentityRules.Refusal(Reason.INVALID_IDENTITY_HEADER, call.dateProblem()));
        }
        if (call.date().isEmpty() && config.requireDate()) {
            return Optional.of(new IdentityRules.Refusal(Reason.INVALID_IDENTITY_HEADER, "the request has no Date "
                    + "header and CALLSIGN_REQUIRE_DATE=true (RFC 8224 §6.2 Step 4, VER-08)"));
        }
        return Freshness.problem(claims.iat(), call, config.maxAge())
                .map(why -> new IdentityRules.Refusal(Reason.STALE_DATE, why));
    }

    private static Prepared done(Reason reason, String detail, String x5u, String ppi) {
        return Prepared.done(failed(reason, detail, x5u, ppi));
    }

    private static HeaderOutcome.Failed failed(Reason reason, String detail, String x5u, String ppi) {
        return new HeaderOutcome.Failed(reason, detail, x5u, ppi);
    }

    /** RFC 9410 §5: the compact form {@code ..signature} names the header in a Reason; only when well-formed. */
    private static String ppi(String token) {
        int last = token.lastIndexOf('.');
        String signature = token.substring(last + 1);
        if (last < 0 || signature.isEmpty() || signature.length() > 128 || !base64url(signature)) {
            return null;
        }
        return ".." + signature;
    }

    /** Only the RFC 4648 §5 alphabet; a loop rather than a regex, since it runs for every header. */
    private static boolean base64url(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!letter && !(c >= '0' && c <= '9') && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }
}
