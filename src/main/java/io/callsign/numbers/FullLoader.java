package io.callsign.numbers;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full reloads on a thread of their own, so the change feed keeps patching the current snapshot
 * while a 10M-row load runs: on start, after each reconnection, after a bulk change, and every
 * full-refresh interval. A failed load is retried with back-off. Thread-safe.
 */
final class FullLoader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FullLoader.class);

    /** Generous: one round trip of a full load fetches fetchSize rows, never the whole table. */
    private static final int LOAD_SOCKET_TIMEOUT_SECONDS = 120;

    private final Connections connections;
    private final ProvisioningViewConfig config;
    private final ViewState state;
    private final Clock clock;
    private final NumberSnapshotLoader loader;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean retryScheduled = new AtomicBoolean();
    private final Backoff backoff;

    FullLoader(Connections connections, ProvisioningViewConfig config, ViewState state, Clock clock) {
        this.connections = connections;
        this.config = config;
        this.state = state;
        this.clock = clock;
        this.loader = new NumberSnapshotLoader(config.fetchSize());
        this.backoff = new Backoff(config.maxBackoff());
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "callsign-provisioning-load");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        long period = config.fullRefreshInterval().toMillis();
        executor.scheduleWithFixedDelay(this::request, period, period, TimeUnit.MILLISECONDS);
    }

    /** Asks for a full load; requests made while one is queued are merged into it. */
    void request() {
        if (queued.compareAndSet(false, true)) {
            try {
                executor.execute(this::load);
            } catch (RejectedExecutionException closed) {
                queued.set(false); // closing: no more loads
            }
        }
    }

    /** A load is queued, running, or done but not yet installed. */
    boolean pending() {
        return queued.get() || running.get() || state.hasPendingLoad();
    }

    private void load() {
        running.set(true);
        queued.set(false); // a request arriving from now on needs a later load
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        try (Connection connection = connections.open("callsign-provisioning-load", LOAD_SOCKET_TIMEOUT_SECONDS)) {
            NumberSnapshotLoader.Loaded loaded = loader.loadWithCursor(connection);
            state.offer(loaded, started);
            backoff.reset();
            LOG.info("provisioning snapshot loaded: {} numbers in {} ms", loaded.snapshot().numberCount(),
                    (System.nanoTime() - t0) / 1_000_000);
            prune(connection);
        } catch (Exception e) {
            state.failed("full load", e);
            retryLater();
        } finally {
            running.set(false);
        }
    }

    /** Pruning is housekeeping: a role without DELETE on the log must not make loads fail. */
    private void prune(Connection connection) {
        try {
            long pruned = ChangeFeedRepository.prune(connection, config.changeRetention());
            LOG.debug("{} change-log rows older than {} pruned", pruned, config.changeRetention());
        } catch (SQLException e) {
            LOG.warn("could not prune provisioning_changes (rows older than {}): {}", config.changeRetention(), e.getMessage());
        }
    }

    /** One retry chain at a time, however many requests failed. */
    private void retryLater() {
        if (retryScheduled.compareAndSet(false, true) && !executor.isShutdown()) {
            executor.schedule(() -> {
                retryScheduled.set(false);
                request();
            }, backoff.next().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
