package io.callsign.numbers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current snapshot and the facts behind the view's status. Only the change-feed thread replaces
 * the snapshot (single writer, so patches and installs never race); readers see it through a
 * volatile read. Full loads arrive through {@link #offer} and are installed by that same thread.
 */
final class ViewState {

    private static final Logger LOG = LoggerFactory.getLogger(ViewState.class);

    private final Clock clock;
    private final Instant startedAt;
    private final AtomicReference<NumberSnapshotLoader.Loaded> pendingLoad = new AtomicReference<>();
    private volatile NumberSnapshot snapshot = NumberSnapshot.empty();
    private volatile boolean loaded;
    private volatile Instant lastFullLoad;
    private volatile Instant lastSync;
    private volatile Instant pendingLoadStartedAt;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile boolean listening;

    ViewState(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    NumberSnapshot snapshot() {
        return snapshot;
    }

    /** From the loader thread: a full load, to be installed by the change-feed thread. */
    void offer(NumberSnapshotLoader.Loaded load, Instant startedAt) {
        pendingLoadStartedAt = startedAt;
        pendingLoad.set(load);
        lastFullLoad = clock.instant();
    }

    boolean hasPendingLoad() {
        return pendingLoad.get() != null;
    }

    /** Installs a pending full load, if any, and returns its cursor (else null). Change-feed thread only. */
    ChangeCursor installPendingLoad() {
        NumberSnapshotLoader.Loaded load = pendingLoad.getAndSet(null);
        if (load == null) {
            return null;
        }
        snapshot = load.snapshot();
        loaded = true;
        markSynced(pendingLoadStartedAt);
        return load.cursor();
    }

    /** Change-feed thread only. */
    void patch(SnapshotDelta delta, int compactAbove) {
        snapshot = snapshot.withChanges(delta, compactAbove);
    }

    void synced() {
        markSynced(clock.instant());
    }

    private void markSynced(Instant at) {
        if (failing() && !lastErrorAt.isAfter(at)) {
            LOG.info("provisioning view back in sync with the database (last error: {})", lastError);
        }
        lastSync = at;
    }

    void failed(String what, Exception e) {
        lastError = what + ": " + e.getMessage();
        lastErrorAt = clock.instant();
        LOG.warn("provisioning view: {} (serving the snapshot from {})", lastError, lastSync == null ? "nowhere: none loaded yet" : lastSync);
    }

    void listening(boolean up) {
        listening = up;
    }

    private boolean failing() {
        Instant error = lastErrorAt;
        return error != null && (lastSync == null || error.isAfter(lastSync));
    }

    ViewStatus status() {
        Instant sync = lastSync;
        Duration age = Duration.between(sync == null ? startedAt : sync, clock.instant());
        return new ViewStatus(loaded, lastFullLoad, sync, age.isNegative() ? Duration.ZERO : age, lastError,
                lastErrorAt, snapshot.numberCount(), listening);
    }
}
