package io.callsign.acme;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import io.callsign.credentials.ActiveCredentials;
import io.callsign.credentials.SigningCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The renewal state machine, run one pass at a time by {@link RenewalScheduler}: adopt what another
 * instance published, plan (ARI or lifetime fraction), renew under the lease when due, back off
 * after failures. The old credentials stay installed until new ones are; install swaps key, chain
 * and x5u at once. About 300 lines because these steps share one state; each method stays small.
 */
final class RenewalCycle {

    private static final Logger LOG = LoggerFactory.getLogger(RenewalCycle.class);

    private final RenewalPolicy policy;
    private final CertificateIssuer issuer;
    private final AcmeStore store;
    private final SharedCredentialStore shared;
    private final RenewalLease lease;
    private final ActiveCredentials active;
    private final Function<X509Certificate, URI> x5u;
    private final Clock clock;
    private final RenewalPlanner planner;

    private volatile IssuedCertificate current;
    private volatile Instant renewAt;
    private volatile Instant retryAt;
    private volatile String lastError;
    private volatile boolean running;
    private volatile URI explanation;
    private volatile Consumer<RenewalOutcome> outcomes = outcome -> { };
    private Instant ariPollAt;
    private RenewalWindow window;
    private int failures;
    private int ariFailures;

    RenewalCycle(RenewalPolicy policy, CertificateIssuer issuer, AcmeStore store, SharedCredentialStore shared,
                 RenewalLease lease, ActiveCredentials active, URI x5u, Clock clock, RandomGenerator random) {
        this(policy, issuer, store, shared, lease, active, leaf -> x5u, clock, random);
    }

    /** {@code x5u} names the URL of each certificate's chain (a per-certificate path, or one fixed URL). */
    RenewalCycle(RenewalPolicy policy, CertificateIssuer issuer, AcmeStore store, SharedCredentialStore shared,
                 RenewalLease lease, ActiveCredentials active, Function<X509Certificate, URI> x5u, Clock clock,
                 RandomGenerator random) {
        this.policy = policy;
        this.issuer = issuer;
        this.store = store;
        this.shared = shared;
        this.lease = lease;
        this.active = active;
        this.x5u = x5u;
        this.clock = clock;
        this.planner = new RenewalPlanner(policy, random);
    }

    /**
     * Installs the newest usable certificate of the local store and the shared store, so that signing
     * starts without talking to the CA. A certificate that has expired, or that names another domain
     * or SPC than the configuration (the operator changed it), is skipped and a new one is ordered.
     */
    synchronized void loadStored() {
        Instant now = clock.instant();
        Optional<IssuedCertificate> local = store.loadCertificate().filter(stored -> usable(stored, now, "stored"));
        Optional<IssuedCertificate> published = readShared().filter(stored -> usable(stored, now, "shared"));
        boolean sharedIsNewer = published.isPresent()
                && (local.isEmpty() || published.get().notAfter().isAfter(local.get().notAfter()));
        if (sharedIsNewer) {
            LOG.info("Loaded ACME credentials published by another instance: {}", published.get());
            saveLocally(published.get());
            install(published.get());
        } else if (local.isPresent()) {
            LOG.info("Loaded stored ACME credentials {}", local.get());
            install(local.get());
        }
    }

    /** Tells {@code listener} about every issuance, failure and adoption (metrics). */
    void onOutcome(Consumer<RenewalOutcome> listener) {
        outcomes = listener;
    }

    /** One pass; returns when the next pass is wanted. */
    synchronized Instant tick() {
        Instant now = clock.instant();
        adoptShared(now);
        if (current != null && renewAt == null) {
            plan(now);
        } else if (current != null && ariPollAt != null && !now.isBefore(ariPollAt) && now.isBefore(current.notAfter())) {
            pollAri(now);
        }
        if (due(now) && (retryAt == null || !now.isBefore(retryAt))) {
            attempt(false, now);
        }
        return nextWake();
    }

    /** Renews now, whatever the plan says; throws {@link AcmeFailure} when that fails. */
    synchronized void renewNow() {
        attempt(true, clock.instant());
    }

    synchronized Instant nextWake() {
        Instant now = clock.instant();
        Instant wake = now.plus(policy.syncInterval());
        if (due(now)) {
            wake = earliest(wake, retryAt == null ? now : retryAt);
        } else {
            wake = earliest(wake, renewAt);
        }
        if (ariPollAt != null) {
            wake = earliest(wake, ariPollAt);
        }
        return wake.isBefore(now) ? now : wake;
    }

    AcmeStatus status() {
        IssuedCertificate certificate = current;
        Instant now = clock.instant();
        String error = lastError;
        AcmeStatus.State state;
        if (running) {
            state = certificate == null ? AcmeStatus.State.ISSUING : AcmeStatus.State.RENEWING;
        } else if (certificate != null && !now.isBefore(certificate.notAfter())) {
            state = AcmeStatus.State.EXPIRED;
        } else if (error != null) {
            state = AcmeStatus.State.RETRYING;
        } else {
            state = certificate == null ? AcmeStatus.State.ISSUING : AcmeStatus.State.VALID;
        }
        boolean alert = certificate == null ? error != null : planner.nearExpiry(certificate, now);
        Instant next = certificate == null || renewAt == null || !now.isBefore(renewAt)
                ? (retryAt == null ? now : retryAt) : renewAt;
        return new AcmeStatus(state, certificate == null ? null : certificate.leaf().getSerialNumber().toString(16),
                certificate == null ? null : certificate.notAfter(), next, error, alert, explanation);
    }

    private boolean due(Instant now) {
        return current == null || renewAt == null || !now.isBefore(renewAt);
    }

    private void attempt(boolean forced, Instant now) {
        if (!lease.tryAcquire(policy.leaseTtl())) {
            // another instance is renewing; it will publish, and the next pass adopts the result
            retryAt = now.plus(earliestOf(policy.minBackoff(), policy.syncInterval()));
            if (forced) {
                throw new RenewalBusy("another instance holds the renewal lease and is renewing; try again shortly");
            }
            return;
        }
        running = true;
        try {
            if (!forced && adoptShared(now) && !due(clock.instant())) {
                return;
            }
            IssuedCertificate next = issuer.issue(current == null ? null : current.leaf());
            persist(next);
            install(next);
            outcomes.accept(RenewalOutcome.ISSUED);
            plan(clock.instant());
            failures = 0;
            lastError = null;
            retryAt = null;
        } catch (RuntimeException e) {
            recordFailure(e, now);
            if (forced) {
                throw e instanceof AcmeFailure ? (AcmeFailure) e : new AcmeFailure(e.getMessage(), e);
            }
        } finally {
            running = false;
            lease.release();
        }
    }

    private void recordFailure(RuntimeException e, Instant now) {
        failures++;
        lastError = e.getMessage() == null ? e.toString() : e.getMessage();
        outcomes.accept(RenewalOutcome.FAILED);
        retryAt = now.plus(policy.backoff(failures));
        IssuedCertificate certificate = current;
        if (certificate == null) {
            LOG.error("ACME issuance failed (attempt {}), retrying at {}: {}", failures, retryAt, lastError);
        } else {
            LOG.warn("ACME renewal failed (attempt {}), retrying at {}; still serving {}: {}", failures, retryAt,
                    certificate, lastError);
            if (planner.nearExpiry(certificate, now)) {
                LOG.error("ALERT: the signing certificate expires at {} and renewal keeps failing",
                        certificate.notAfter());
            }
        }
    }

    /** Follower side: adopt credentials another instance renewed, when newer than ours. */
    private boolean adoptShared(Instant now) {
        Optional<IssuedCertificate> published = readShared();
        IssuedCertificate mine = current;
        if (published.isEmpty() || published.get().sameLeaf(mine) || !now.isBefore(published.get().notAfter())
                || (mine != null && !published.get().notAfter().isAfter(mine.notAfter()))
                || !issuer.matches(published.get().leaf())) {
            return false;
        }
        LOG.info("Adopting credentials renewed by another instance: {}", published.get());
        saveLocally(published.get());
        install(published.get());
        outcomes.accept(RenewalOutcome.ADOPTED);
        plan(now);
        failures = 0;
        lastError = null;
        retryAt = null;
        return true;
    }

    private Optional<IssuedCertificate> readShared() {
        try {
            return shared.latest().map(IssuedCertificate::fromPem);
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the shared ACME credentials: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private boolean usable(IssuedCertificate stored, Instant now, String where) {
        if (!now.isBefore(stored.notAfter())) {
            return false;
        }
        if (!issuer.matches(stored.leaf())) {
            LOG.warn("Ignoring the {} ACME certificate {}: it does not certify the configured identifier"
                    + " (ZTA_ACME_DOMAIN or CALLSIGN_ACME_TKAUTH_SPC changed?); a new one will be ordered", where, stored);
            return false;
        }
        return true;
    }

    private void persist(IssuedCertificate next) {
        saveLocally(next);
        try {
            shared.publish(next.toPem());
        } catch (RuntimeException e) {
            LOG.error("Cannot publish the renewed credentials to the other instances: {}", e.getMessage());
        }
    }

    private void saveLocally(IssuedCertificate next) {
        try {
            store.saveCertificate(next);
        } catch (RuntimeException e) {
            LOG.error("Cannot store the ACME credentials; they are active but a restart will order again: {}",
                    e.getMessage());
        }
    }

    // Rotation: one atomic swap of key, chain and x5u. The repository publishes the new chain from
    // ActiveCredentials' before-install hook, so it is served before the new key can sign.
    private void install(IssuedCertificate next) {
        current = next;
        renewAt = null;
        ariPollAt = null;
        window = null;
        explanation = null;
        active.install(new SigningCredentials(next.key(), next.chain(), x5u.apply(next.leaf()), "acme"));
    }

    private void plan(Instant now) {
        Optional<RenewalWindow> ari = policy.useAri() ? fetchWindow(now) : Optional.empty();
        window = ari.orElse(null);
        renewAt = planner.renewalTime(current, ari, now);
        LOG.info("Next ACME renewal of {} at {} ({})", current, renewAt,
                ari.filter(RenewalWindow::isUsable).isPresent() ? "ARI window" : "lifetime fraction");
    }

    /** RFC 9773 §4.3: re-plan only when the CA moved the window. */
    private void pollAri(Instant now) {
        Optional<RenewalWindow> fresh = fetchWindow(now);
        if (fresh.filter(RenewalWindow::isUsable).isPresent() && !sameWindow(fresh.get(), window)) {
            window = fresh.get();
            renewAt = planner.renewalTime(current, fresh, now);
            LOG.info("The CA moved the renewal window; next ACME renewal at {}", renewAt);
        }
    }

    private Optional<RenewalWindow> fetchWindow(Instant now) {
        try {
            Optional<RenewalWindow> fetched = issuer.renewalWindow(current.leaf());
            ariFailures = 0;
            ariPollAt = fetched.map(w -> planner.nextAriPoll(w, now)).orElse(null);
            explanation = fetched.map(RenewalWindow::explanation).orElse(null);
            return fetched;
        } catch (RuntimeException e) {
            ariFailures++;
            ariPollAt = now.plus(policy.backoff(ariFailures));
            LOG.warn("Cannot fetch ACME renewal information, asking again at {}: {}", ariPollAt, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean sameWindow(RenewalWindow a, RenewalWindow b) {
        return b != null && a.start().equals(b.start()) && a.end().equals(b.end());
    }

    private static Instant earliest(Instant a, Instant b) {
        return b == null || a.isBefore(b) ? a : b;
    }

    private static java.time.Duration earliestOf(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
