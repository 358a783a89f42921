package io.callsign.signing;

import io.callsign.attestation.AttestationDecision;
import io.callsign.attestation.AttestationPolicy;
import io.callsign.credentials.ActiveCredentials;
import io.callsign.credentials.SigningCredentials;
import io.callsign.http.Problem;
import io.callsign.numbers.NumberSnapshot;
import io.callsign.passport.Es256;
import io.callsign.passport.ShakenClaims;
import io.callsign.rtjson.HeaderLine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * STI-AS entry point: check the request ({@link SignInput}), decide attestation from the in-memory
 * snapshot, and sign with the active credentials. Every outcome is an answer (signed, or not signed
 * with a reason); only malformed requests throw, as 400 {@link Problem}s. Thread-safe; no I/O.
 */
public final class SigningService {

    static final String DISABLED = "not signed: signing is disabled (SBC_ENABLE_STIR=false)";

    private final SigningConfig config;
    private final AttestationPolicy attestation;
    private final Supplier<NumberSnapshot> snapshot;
    private final ActiveCredentials credentials;
    private final Es256 es256;
    private final Clock clock;
    private final SigningMetrics metrics;
    /** The last credentials prepared; replaced when a rotation installs new ones. */
    private final AtomicReference<PreparedCredentials> prepared = new AtomicReference<>();

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

    /**
     * The answer to one sign request (API.md {@code POST /v1/sign}).
     *
     * @throws Problem 400 naming the field, when the request is malformed (whatever the settings)
     */
    public SignResponse sign(SignRequest request) {
        SignInput input;
        SignResponse response;
        try {
            input = SignInput.of(request, config.defaultCountryCode());
            response = decide(input, request);
        } catch (Problem malformed) {
            metrics.recordMalformed();
            throw malformed;
        }
        metrics.record(response);
        return input.rtjson() == null ? response : response.withRtjson(input.rtjson().answer(addedHeaders(response)));
    }

    /**
     * The header lines an rtjson route carries: Identity, then the headers of the answer (Date), all
     * made by Callsign; none when the call is not signed, so that it routes unsigned.
     */
    private static List<HeaderLine> addedHeaders(SignResponse response) {
        if (response.identity() == null) {
            return List.of();
        }
        List<HeaderLine> lines = new ArrayList<>();
        lines.add(new HeaderLine("Identity", response.identity()));
        response.headers().forEach((name, value) -> lines.add(new HeaderLine(name, value)));
        return lines;
    }

    private SignResponse decide(SignInput input, SignRequest request) {
        if (!config.enabled()) {
            return SignResponse.notSigned(DISABLED);
        }
        if (input.notSignable() != null) {
            return SignResponse.notSigned(input.notSignable());
        }
        String orig = input.parties().orig().digits();
        List<String> dest = input.parties().dest();
        Instant now = clock.instant();
        String refusal = dateRefusal(input.date(), now, request.date());
        if (refusal == null && !isE164(orig)) {
            refusal = "not signed: the caller " + orig + " is a service code, not an E.164 number (RFC 8224 §8.3)";
        }
        if (refusal != null) {
            return SignResponse.notSigned(orig, dest, refusal);
        }
        AttestationDecision decision = attestation.decide(input.origin(), orig, input.requested(), snapshot.get());
        PreparedCredentials active = prepared();
        if (active == null) {
            return SignResponse.notSigned(orig, dest, "not signed: no signing credentials are installed yet "
                    + "(ACME enrolment pending?); see /health/ready");
        }
        Instant iat = input.date() != null ? input.date() : now;
        String invalid = validityProblem(active, iat, now);
        return invalid != null ? SignResponse.notSigned(orig, dest, invalid)
                : signed(input, decision, active, orig, dest, iat);
    }

    private SignResponse signed(SignInput input, AttestationDecision decision, PreparedCredentials active, String orig,
            List<String> dest, Instant iat) {
        // SIGN-14: a fresh UUID per call unless the proxy gave one (SignInput checked its form).
        String origid = input.origid() != null ? input.origid() : Origids.fresh();
        String attest = decision.level().name();
        ShakenClaims claims = new ShakenClaims(attest, dest, iat.getEpochSecond(), orig, origid);
        // RFC 8224 §6.1 step 3: add a Date when the INVITE has none; iat is that same second (SIGN-15/16).
        Map<String, String> headers = input.date() != null ? Map.of() : Map.of("Date", SipDate.format(iat));
        return new SignResponse(active.identity(claims), attest, origid, orig, claims.destTns(), decision.reason(),
                headers);
    }

    /** The active credentials, prepared once per installed set; null before the first is installed. */
    private PreparedCredentials prepared() {
        SigningCredentials current = credentials.current().orElse(null);
        if (current == null) {
            return null;
        }
        PreparedCredentials last = prepared.get();
        if (last != null && last.source() == current) {
            return last;
        }
        PreparedCredentials fresh = PreparedCredentials.of(current, es256);
        prepared.set(fresh);
        return fresh;
    }

    /** RFC 8224 §6.1 step 3 / SIGN-15: a Date more than the allowed skew from now is refused, not signed. */
    private String dateRefusal(Instant date, Instant now, String text) {
        if (date == null) {
            return null;
        }
        Duration skew = Duration.between(date, now);
        if (skew.abs().compareTo(config.maxDateSkew()) <= 0) {
            return null;
        }
        return "not signed: the Date " + SignInput.shorten(text.strip()) + " is " + skew.abs().toSeconds() + " s "
                + (skew.isNegative() ? "in the future" : "old") + "; at most " + config.maxDateSkew().toSeconds()
                + " s is accepted (RFC 8224 §6.1); check the clocks of the proxy and of this host";
    }

    /** SIGN-15: both the Date and the current time must fall within the credential's validity. */
    private static String validityProblem(PreparedCredentials active, Instant date, Instant now) {
        Instant outside = !active.validAt(date) ? date : !active.validAt(now) ? now : null;
        return outside == null ? null : "not signed: the signing certificate is not valid at " + outside + " (valid "
                + active.notBefore() + " to " + active.notAfter() + ")";
    }

    /** 1 to 15 ASCII digits: what attestation and the numbers tables accept as a calling number. */
    private static boolean isE164(String tn) {
        if (tn.isEmpty() || tn.length() > 15) {
            return false;
        }
        for (int i = 0; i < tn.length(); i++) {
            if (tn.charAt(i) < '0' || tn.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
