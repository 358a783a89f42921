package io.callsign.certificates;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verifier's entry point: x5u URL in, validated {@link Credential} (or the reason there is none)
 * out. A warm lookup is a map get and a few comparisons: no I/O, no parsing, no locks.
 *
 * <p>Cold lookups share one fetch per URL (X5U-08); callers wait at most CALLSIGN_X5U_TIMEOUT_MS plus
 * a small margin for validation. Entries live max(max-age, 24 h) (X5U-04), never past the path's
 * notAfter (SEC-12). Failures are remembered for CALLSIGN_X5U_NEGATIVE_TTL_MS and never replace a
 * good entry. An expired good entry is served for CALLSIGN_X5U_STALE_S more while one background
 * fetch refreshes it. Changed trust anchors make the next lookup re-validate the cached chain.
 * Thread-safe; {@link #close()} stops its threads. Longer than usual: the cache policy is one
 * decision and reads best in one place.
 */
public final class CredentialResolver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialResolver.class);
    private static final Duration WAIT_MARGIN = Duration.ofMillis(250);

    private final CertificatesConfig config;
    private final TrustAnchors anchors;
    private final Clock clock;
    private final CertificateStats stats = new CertificateStats();
    private final CertificateCache cache;
    private final X5uPolicy policy;
    private final ThreadPoolExecutor fetchPool;
    private final ExecutorService crlPool;
    private final ScheduledExecutorService scheduler;
    private final SingleFlight<CacheEntry> flights;
    private final RevocationChecker revocation;
    private final CredentialLoader loader;

    /** Production wiring: real DNS and sockets, HTTPS trust from CALLSIGN_HTTPS_CA, anchors watched. */
    public static CredentialResolver create(CertificatesConfig config, TrustAnchors anchors, Clock clock) {
        return create(config, anchors, List.of(), clock);
    }

    /** As {@link #create(CertificatesConfig, TrustAnchors, Clock)}, also trusting {@code extraHttpsCas} for HTTPS (a lab root). */
    public static CredentialResolver create(CertificatesConfig config, TrustAnchors anchors,
                                            List<X509Certificate> extraHttpsCas, Clock clock) {
        List<X509Certificate> cas = new ArrayList<>(config.httpsCaFile()
                .map(file -> Pem.readFile(file, "CALLSIGN_HTTPS_CA")).orElse(List.of()));
        cas.addAll(extraHttpsCas);
        SSLContext tls = HttpsTrust.context(cas);
        AddressGuard guard = AddressGuard.allowing(config.x5uAllow());
        return new CredentialResolver(config, anchors, clock,
                new X5uFetcher(X5uFetcher.Rules.x5u(config), guard, tls),
                new X5uFetcher(X5uFetcher.Rules.crl(config), guard, tls), true);
    }

    CredentialResolver(CertificatesConfig config, TrustAnchors anchors, Clock clock, X5uFetcher x5uFetcher,
                       X5uFetcher crlFetcher, boolean watchAnchors) {
        this.config = config;
        this.anchors = anchors;
        this.clock = clock;
        this.cache = new CertificateCache(config.cacheMaxEntries());
        this.policy = X5uPolicy.x5u(config.x5uPorts());
        int threads = config.maxConcurrentFetches();
        this.fetchPool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(1024), daemon("callsign-x5u-fetch-"));
        fetchPool.allowCoreThreadTimeOut(true);
        this.crlPool = Executors.newFixedThreadPool(2, daemon("callsign-crl-fetch-"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("callsign-trust-anchors-"));
        this.flights = new SingleFlight<>(fetchPool);
        this.revocation = new RevocationChecker(config, crlFetcher, crlPool, clock, stats);
        this.loader = new CredentialLoader(config, x5uFetcher, new ChainValidator(config.profile(), clock), anchors,
                revocation, clock, stats);
        if (watchAnchors) {
            long every = config.anchorsCheckInterval().toMillis();
            scheduler.scheduleWithFixedDelay(this::refreshAnchors, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** The credential for {@code x5u}, judged at the clock's current time. */
    public Resolution resolve(String x5u) {
        return resolve(x5u, clock.instant());
    }

    /** @param callTime the verification instant of the call (its Date, VER-07) */
    public Resolution resolve(String x5u, Instant callTime) {
        Objects.requireNonNull(callTime, "callTime");
        Resolution resolution = x5u == null ? new Resolution.Failed(FailureKind.FETCH_FAILED, "x5u is missing")
                : lookup(x5u, callTime);
        if (resolution instanceof Resolution.Failed failed) {
            stats.failure(failed.kind());
        }
        return resolution;
    }

    /**
     * The answer {@link #resolve(String, Instant)} would give, when it is in memory: a cached credential
     * (fresh, or stale while a background refresh runs) or a remembered failure. Empty when only a fetch
     * (or, after an anchor change, a re-validation) can tell: then call {@link #resolve} where waiting is
     * fine. Never blocks, so it may run on an I/O thread; counts the lookup only when it answers.
     */
    public Optional<Resolution> resolveWithoutWaiting(String x5u, Instant callTime) {
        Objects.requireNonNull(callTime, "callTime");
        if (x5u == null) {
            return Optional.of(resolve(null, callTime));
        }
        Resolution resolution = fromMemory(x5u, callTime, false);
        if (resolution instanceof Resolution.Failed failed) {
            stats.failure(failed.kind());
        }
        return Optional.ofNullable(resolution);
    }

    public CertificateStats stats() {
        return stats;
    }

    public int cachedEntries() {
        return cache.size();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        fetchPool.shutdownNow();
        crlPool.shutdownNow();
    }

    private Resolution lookup(String url, Instant callTime) {
        Resolution cached = fromMemory(url, callTime, true);
        if (cached != null) {
            return cached;
        }
        stats.miss();
        try {
            // Refused URLs (X5U-01/02) are answered here and never cached, so a flood of junk
            // URLs cannot evict good entries or occupy fetch threads.
            policy.check(url);
        } catch (CredentialException e) {
            return new Resolution.Failed(e.kind(), e.getMessage());
        }
        return atCallTime(awaitLoad(url), callTime);
    }

    /**
     * The answer held in memory, or null when it takes a fetch; also null for an entry judged against
     * older anchors unless {@code mayRevalidate} (validation is CPU work kept off I/O threads).
     */
    private Resolution fromMemory(String url, Instant callTime, boolean mayRevalidate) {
        Instant now = clock.instant();
        CacheEntry entry = cache.get(url);
        if (entry instanceof CacheEntry.Good good && good.generation() != anchors.current().generation()) {
            if (!mayRevalidate) {
                return null;
            }
            entry = cache.replace(url, good, loader.revalidate(good));
        }
        if (entry instanceof CacheEntry.Good good && now.isBefore(good.staleUntil())) {
            if (now.isBefore(good.expiresAt())) {
                stats.hit();
            } else {
                stats.staleHit();
                if (!now.isBefore(good.refreshFrom())) {
                    startLoad(url);
                }
            }
            return atCallTime(good, callTime);
        }
        if (entry instanceof CacheEntry.Bad bad && now.isBefore(bad.expiresAt())
                && bad.generation() == anchors.current().generation()) {
            stats.negativeHit();
            return bad.failure();
        }
        return null;
    }

    private Resolution atCallTime(CacheEntry entry, Instant callTime) {
        if (entry instanceof CacheEntry.Bad bad) {
            return bad.failure();
        }
        CacheEntry.Good good = (CacheEntry.Good) entry;
        Credential credential = good.credential();
        if (!credential.validAt(callTime)) {
            return new Resolution.Failed(FailureKind.OUTSIDE_VALIDITY, "x5u " + credential.x5u()
                    + ": the certificate path is valid from " + credential.notBefore() + " to "
                    + credential.notAfter() + "; the call time " + callTime + " is outside it (VER-07)");
        }
        return revocation.apply(good.trusted());
    }

    private SingleFlight.Flight<CacheEntry> startLoad(String url) {
        return flights.run(url, () -> cache.store(url, loader.load(url), clock.instant()), e -> new CacheEntry.Bad(
                new Resolution.Failed(FailureKind.FETCH_FAILED, "x5u " + url + ": not fetched: " + e.getMessage()
                        + " (CALLSIGN_X5U_MAX_FETCHES)"), anchors.current().generation(), clock.instant()));
    }

    private CacheEntry awaitLoad(String url) {
        SingleFlight.Flight<CacheEntry> flight = startLoad(url);
        if (!flight.started()) {
            stats.coalesced();
        }
        long waitMillis = config.fetchTimeout().plus(WAIT_MARGIN).toMillis();
        try {
            return flight.result().get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return transientFailure("x5u " + url + ": no credential within " + waitMillis
                    + " ms (CALLSIGN_X5U_TIMEOUT_MS); the fetch goes on in the background");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return transientFailure("x5u " + url + ": interrupted while waiting for the fetch");
        } catch (ExecutionException e) {
            return transientFailure("x5u " + url + ": fetch failed: " + e.getCause());
        }
    }

    private CacheEntry transientFailure(String message) {
        return new CacheEntry.Bad(new Resolution.Failed(FailureKind.FETCH_FAILED, message),
                anchors.current().generation(), clock.instant());
    }

    private void refreshAnchors() {
        try {
            anchors.refreshIfChanged();
        } catch (RuntimeException e) {
            LOG.error("trust anchors: check failed: {}", e.getMessage());
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
