package io.callsign.numbers;

import io.callsign.database.Database;
import java.time.Clock;
import java.time.Duration;

/**
 * The call path's window on provisioning: {@link #snapshot()} returns the current immutable
 * {@link NumberSnapshot} without touching the database. Two daemon threads keep it current: one
 * LISTENs for the change feed (db/migration V3) and applies each commit within about a second, one
 * runs full loads (at start, after a bulk change or reconnection, and every full-refresh interval).
 * If the database goes away, the last good snapshot keeps serving while reconnection is retried with
 * back-off; {@link #status()} says how old the view is and what failed. Thread-safe.
 */
public final class ProvisioningView implements AutoCloseable {

    private final ViewState state;
    private final FullLoader loader;
    private final SnapshotRefresher refresher;
    private final Thread refresherThread;
    private boolean started;

    ProvisioningView(Connections connections, ProvisioningViewConfig config, Clock clock) {
        this.state = new ViewState(clock);
        this.loader = new FullLoader(connections, config, state, clock);
        this.refresher = new SnapshotRefresher(connections, config, state, loader);
        this.refresherThread = new Thread(refresher, "callsign-provisioning-changes");
        this.refresherThread.setDaemon(true);
    }

    /** A view over the database at {@code jdbcUrl}; it opens its own two connections. Call {@link #start()}. */
    public static ProvisioningView create(String jdbcUrl, String user, String password, ProvisioningViewConfig config,
            Clock clock) {
        return new ProvisioningView(Connections.of(jdbcUrl, user, password), config, clock);
    }

    /** A view over the service's database (its URL and credentials; not its pool). */
    public static ProvisioningView create(Database database, ProvisioningViewConfig config, Clock clock) {
        return create(database.jdbcUrl(), database.user(), database.password(), config, clock);
    }

    /** Starts the threads and returns at once; the first load follows (see {@link #awaitLoaded}). */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("the provisioning view is already started");
        }
        started = true;
        loader.start();
        refresherThread.start();
    }

    /** Waits until a first snapshot is loaded; false when {@code timeout} passes first. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!state.status().loaded()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** The current snapshot: empty until the first load, then the last good one. */
    public NumberSnapshot snapshot() {
        return state.snapshot();
    }

    public ViewStatus status() {
        return state.status();
    }

    /** Time since the view was last known to match the database. */
    public Duration age() {
        return state.status().age();
    }

    /** Asks for a full reload now (it runs in the background). */
    public void refresh() {
        loader.request();
    }

    @Override
    public synchronized void close() {
        refresher.stop();
        loader.close();
        if (started) {
            refresherThread.interrupt(); // ends a back-off sleep; socket reads end by their own timeout
            try {
                refresherThread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
