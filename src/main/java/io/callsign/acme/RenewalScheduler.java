package io.callsign.acme;

import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import io.callsign.credentials.ActiveCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps ACME credentials installed and fresh: loads the stored certificate at {@link #start()},
 * orders one when there is none, renews at the ARI window or 2/3 of the lifetime, retries with
 * bounded exponential back-off and raises the alert near expiry. All work runs on one daemon thread,
 * so issuances never overlap; across instances the {@link RenewalLease} does the same. Thread-safe.
 */
public final class RenewalScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RenewalScheduler.class);

    private final RenewalCycle cycle;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private ScheduledFuture<?> pending; // touched only on the executor thread

    public RenewalScheduler(RenewalPolicy policy, CertificateIssuer issuer, AcmeStore store,
                            SharedCredentialStore shared, RenewalLease lease, ActiveCredentials active, URI x5u,
                            Clock clock) {
        this(policy, issuer, store, shared, lease, active, leaf -> x5u, clock);
    }

    /**
     * @param x5u the public URL of each certificate's chain: one fixed URL, or a per-certificate path
     *            so that verifiers never hold a cached chain of another key under the same URL
     */
    public RenewalScheduler(RenewalPolicy policy, CertificateIssuer issuer, AcmeStore store,
                            SharedCredentialStore shared, RenewalLease lease, ActiveCredentials active,
                            Function<X509Certificate, URI> x5u, Clock clock) {
        this.cycle = new RenewalCycle(policy, issuer, store, shared, lease, active, x5u, clock, new SecureRandom());
        this.clock = clock;
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "acme-renewal");
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
    }

    /** The usual wiring: {@link AcmeEnrolment} as the issuer, x5u and policy from {@code config}. */
    public static RenewalScheduler forConfig(AcmeConfig config, AcmeStore store, Http01Responder http01,
                                             SharedCredentialStore shared, RenewalLease lease,
                                             ActiveCredentials active, Clock clock) {
        return new RenewalScheduler(config.renewal(), new AcmeEnrolment(config, store, http01, clock), store, shared,
                lease, active, config.x5u(), clock);
    }

    /** Installs the stored credentials now (no network), then plans and, if needed, orders in the background. */
    public void start() {
        cycle.loadStored();
        executor.execute(this::tickAndReschedule);
    }

    /** Tells {@code listener} (one, set before {@link #start()}) about every issuance, failure and adoption. */
    public void onOutcome(Consumer<RenewalOutcome> listener) {
        cycle.onOutcome(listener);
    }

    public AcmeStatus status() {
        return cycle.status();
    }

    /**
     * Renews immediately ({@code callsign cert renew}) and waits for the outcome. The old credentials
     * stay active if it fails.
     *
     * @throws RenewalBusy while another instance holds the renewal lease
     * @throws AcmeFailure naming what failed
     */
    public AcmeStatus renewNow() {
        Future<?> done;
        try {
            done = executor.submit(() -> {
                try {
                    cycle.renewNow();
                } finally {
                    schedule(cycle.nextWake());
                }
            });
        } catch (RejectedExecutionException e) {
            throw new AcmeFailure("the renewal scheduler is stopped", e);
        }
        try {
            done.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AcmeFailure ? (AcmeFailure) e.getCause()
                    : new AcmeFailure("renewal failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AcmeFailure("interrupted while waiting for the renewal", e);
        }
        return status();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tickAndReschedule() {
        Instant wake;
        try {
            wake = cycle.tick();
        } catch (RuntimeException e) {
            LOG.error("ACME renewal pass failed unexpectedly; trying again in a minute", e);
            wake = clock.instant().plus(Duration.ofMinutes(1));
        }
        schedule(wake);
    }

    private void schedule(Instant wake) {
        if (pending != null) {
            pending.cancel(false);
        }
        long delay = Math.max(0, Duration.between(clock.instant(), wake).toMillis());
        try {
            pending = executor.schedule(this::tickAndReschedule, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }
}
