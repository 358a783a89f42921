package io.callsign.signing;

import io.callsign.attestation.AttestationDecision;
import io.callsign.attestation.AttestationLevel;
import io.callsign.attestation.AttestationPolicy;
import io.callsign.attestation.CallOrigin;
import io.callsign.credentials.ActiveCredentials;
import io.callsign.credentials.SigningCredentials;
import io.callsign.http.Problem;
import io.callsign.numbers.NumberSnapshot;
import io.callsign.passport.Es256;
import io.callsign.passport.IdentityHeaderCodec;
import io.callsign.passport.PassportCodec;
import io.callsign.passport.ShakenClaims;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * STI-AS entry point: canonicalise the parties, decide attestation from the in-memory snapshot, and
 * sign with the active credentials. Every outcome is an answer (signed, or not signed with a reason);
 * only malformed requests throw, as 400 {@link Problem}s. Thread-safe; no I/O.
 */
public final class SigningService {

    private final SigningConfig config;
    private final AttestationPolicy attestation;
    private final Supplier<NumberSnapshot> snapshot;
    private final ActiveCredentials credentials;
    private final Es256 es256;
    private final Clock clock;
    private final SigningMetrics metrics;

    public SigningService(SigningConfig config, AttestationPolicy attestation, Supplier<NumberSnapshot> snapshot,
            ActiveCredentials credentials, Es256 es256, Clock clock, SigningMetrics metrics) {
        this.config = config;
        this.attestation = attestation;
        this.snapshot = snapshot;
        this.credentials = credentials;
        this.es256 = es256;
        this.clock = clock;
        this.metrics = metrics;
    }

    public SignResponse sign(SignRequest request) {
        SignResponse response = decide(request);
        metrics.record(response);
        return response;
    }

    private SignResponse decide(SignRequest request) {
        if (!config.enabled()) {
            return SignResponse.notSigned("signing is disabled (SBC_ENABLE_STIR=false)");
        }
        AttestationLevel requested = requestedLevel(request.attest());
        String origid = origid(request.origid());
        CallOrigin origin = origin(request);
        Instant now = clock.instant();
        Optional<Instant> date = date(request.date());
        CallParties parties;
        try {
            parties = CallParties.of(request, config.defaultCountryCode());
        } catch (CallParties.NotSignable e) {
            return SignResponse.notSigned(e.getMessage());
        }
        String orig = parties.orig().digits();
        if (date.isPresent() && Duration.between(date.get(), now).abs().compareTo(config.maxDateSkew()) > 0) {
            // RFC 8224 §6.1 step 3 / SIGN-15: refuse rather than sign a stale or future Date.
            return SignResponse.notSigned(orig, parties.dest(), "not signed: Date " + request.date() + " is "
                    + Duration.between(date.get(), now).abs().toSeconds() + " s from now; more than "
                    + config.maxDateSkew().toSeconds() + " s (RFC 8224 §6.1)");
        }
        if (!orig.matches("[0-9]{1,15}")) {
            return SignResponse.notSigned(orig, parties.dest(), "not signed: caller " + orig + " is a service code, not an E.164 number");
        }
        CallOrigin withAor = new CallOrigin(origin.trunk(), origin.sourceIp(), origin.authUser(), origin.registered(),
                parties.fromAor());
        AttestationDecision decision = attestation.decide(withAor, orig, requested, snapshot.get());
        Optional<SigningCredentials> active = credentials.current();
        if (active.isEmpty()) {
            return SignResponse.notSigned(orig, parties.dest(), "not signed: no signing credentials are loaded yet");
        }
        SigningCredentials creds = active.get();
        Instant iat = date.orElse(now);
        String invalid = validityProblem(creds.leaf(), iat, now);
        if (invalid != null) {
            return SignResponse.notSigned(orig, parties.dest(), invalid);
        }
        ShakenClaims claims = ShakenClaims.of(decision.level().name(), parties.dest(), iat.getEpochSecond(), orig, origid);
        String jws = PassportCodec.sign(claims, creds.x5u(), es256.signerFor(creds.key()));
        Map<String, String> headers = date.isPresent() ? Map.of() : Map.of("Date", SipDate.format(now));
        return new SignResponse(IdentityHeaderCodec.format(jws, creds.x5u()), decision.level().name(), origid, orig,
                claims.destTns(), decision.reason(), headers);
    }

    /** SIGN-15: both the Date and the current time must fall within the credential's validity. */
    private static String validityProblem(X509Certificate leaf, Instant date, Instant now) {
        for (Instant t : new Instant[] {date, now}) {
            if (t.isBefore(leaf.getNotBefore().toInstant()) || t.isAfter(leaf.getNotAfter().toInstant())) {
                return "not signed: the signing certificate is not valid at " + t + " (valid "
                        + leaf.getNotBefore().toInstant() + " to " + leaf.getNotAfter().toInstant() + ")";
            }
        }
        return null;
    }

    private static AttestationLevel requestedLevel(String attest) {
        if (attest == null || attest.isBlank()) {
            return null;
        }
        try {
            return AttestationLevel.parse(attest);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("field 'attest': '" + attest + "' is not A, B or C");
        }
    }

    private static String origid(String origid) {
        if (origid == null || origid.isBlank()) {
            return UUID.randomUUID().toString();
        }
        if (!origid.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw Problem.badRequest("field 'origid': '" + origid + "' is not a UUID (RFC 8588 §5)");
        }
        return origid.toLowerCase();
    }

    private static CallOrigin origin(SignRequest r) {
        try {
            return CallOrigin.of(r.trunk(), r.sourceIp(), r.authUser(), r.registered(), null);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("field 'sourceIp': '" + r.sourceIp() + "' is not an IP address");
        }
    }

    private static Optional<Instant> date(String date) {
        if (date == null || date.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SipDate.parse(date));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("field 'date': " + e.getMessage());
        }
    }
}
