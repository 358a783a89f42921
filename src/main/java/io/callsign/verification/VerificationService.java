package io.callsign.verification;

import io.callsign.ops.Metrics;
import io.callsign.passport.Es256;
import io.callsign.passport.Reason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * STI-VS (RFC 8224 §6.2): every Identity header of a call in, one verdict out. Each header goes
 * through the RFC's steps in order ({@link HeaderCheck}); the verdict over all of them follows
 * §6.2.2 ({@link Verdict}). A malformed, forged or stale header is a verdict, never an exception: for
 * any request {@link #verify} returns a response. Thread-safe; a warm verification (credential
 * cached) does no I/O and one ECDSA verification, and {@link #verifyWithoutWaiting} lets an I/O
 * thread do it without a hand-off to a worker.
 */
public final class VerificationService {

    /** Identity headers evaluated per request; later ones are ignored (a call has one or two). */
    public static final int MAX_IDENTITY_HEADERS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(VerificationService.class);

    private final Clock clock;
    private final VerificationConfig config;
    private final HeaderCheck check;
    private final VerifyResponses responses;
    private final VerifyMetrics metrics;

    /**
     * @param credentials where x5u URLs are resolved, normally a
     *                    {@link io.callsign.certificates.CredentialResolver}
     * @param metrics     where the verdict counters are registered
     */
    public VerificationService(VerificationConfig config, CredentialSource credentials, Clock clock, Metrics metrics) {
        this(config, credentials, Es256.active(), clock, metrics);
    }

    /** @param es256 the ES256 implementation (JCA provider) signatures are verified with */
    public VerificationService(VerificationConfig config, CredentialSource credentials, Es256 es256, Clock clock,
                               Metrics metrics) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = new VerifyMetrics(metrics);
        this.check = new HeaderCheck(config, Objects.requireNonNull(credentials, "credentials"),
                new VerifierCache(Objects.requireNonNull(es256, "es256")), new ReplayGuard(config.maxAge(), config.replayCacheSize(),
                this.metrics.replays()));
        this.responses = new VerifyResponses(config);
    }

    public VerificationConfig config() {
        return config;
    }

    /** The verdict for one call; never throws for any content of {@code request}. May wait for an x5u fetch. */
    public VerifyResponse verify(VerifyRequest request) {
        return verify(request, true).orElseThrow();
    }

    /**
     * The verdict when it takes no waiting: every credential the headers name is in memory (cached, or
     * a remembered failure). Empty when one needs a fetch; nothing is recorded then (no metrics, no
     * replay entry), and {@link #verify} must be called where waiting is fine. Never blocks, so an
     * HTTP I/O thread can answer a warm verification itself instead of handing it to a worker.
     */
    public Optional<VerifyResponse> verifyWithoutWaiting(VerifyRequest request) {
        return verify(request, false);
    }

    private Optional<VerifyResponse> verify(VerifyRequest request, boolean mayWait) {
        Objects.requireNonNull(request, "request");
        CallFacts call = CallFacts.of(request, clock.instant(), config.defaultCountryCode());
        List<String> identity = request.identity();
        int evaluated = Math.min(identity.size(), MAX_IDENTITY_HEADERS);
        // Steps without effects for every header first, so that giving up for a fetch records nothing.
        List<HeaderCheck.Prepared> prepared = new ArrayList<>(evaluated);
        try {
            for (int i = 0; i < evaluated; i++) {
                prepared.add(prepareSafely(identity.get(i), call, i, mayWait));
            }
        } catch (HeaderCheck.NeedsFetch e) {
            return Optional.empty();
        }
        List<HeaderOutcome> outcomes = new ArrayList<>(evaluated);
        for (int i = 0; i < evaluated; i++) {
            outcomes.add(finishSafely(prepared.get(i), call, i));
        }
        Verdict verdict = Verdict.of(outcomes, config.requireIdentity());
        metrics.record(verdict, outcomes);
        String note = identity.size() > evaluated ? "; only the first " + evaluated + " of " + identity.size()
                + " Identity headers were evaluated" : "";
        VerifyResponse response = responses.build(verdict, outcomes, request, note);
        if (LOG.isDebugEnabled()) {
            LOG.debug("verify call-id={}: {} ({})", Bounded.quote(request.callId()), response.verstat(), response.detail());
        }
        return Optional.of(response);
    }

    private HeaderCheck.Prepared prepareSafely(String value, CallFacts call, int index, boolean mayWait) {
        try {
            return check.prepare(value, call, mayWait);
        } catch (HeaderCheck.NeedsFetch e) {
            throw e;
        } catch (RuntimeException e) {
            return HeaderCheck.Prepared.done(unexpected(index, e));
        }
    }

    private HeaderOutcome finishSafely(HeaderCheck.Prepared prepared, CallFacts call, int index) {
        try {
            return check.finish(prepared, call);
        } catch (RuntimeException e) {
            return unexpected(index, e);
        }
    }

    /** The last line of "never 500": an unexpected fault in one header fails that header with 438. */
    private static HeaderOutcome unexpected(int index, RuntimeException e) {
        LOG.error("verify: Identity header {} could not be processed; treated as invalid (438)", index, e);
        return new HeaderOutcome.Failed(Reason.INVALID_IDENTITY_HEADER, "the Identity header could not be "
                + "processed (" + e.getClass().getSimpleName() + "); see the server log", null, null);
    }
}
