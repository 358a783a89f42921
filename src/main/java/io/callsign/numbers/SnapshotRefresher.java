package io.callsign.numbers;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The change-feed loop, on its own daemon thread: holds a dedicated connection that LISTENs on the
 * provisioning channel, reads the change log on each notification (and every poll interval, in case
 * notifications cannot reach us, e.g. behind a transaction-pooling proxy), and patches the snapshot.
 * Installs full loads too, so a patch never races an install. On any database error it drops the
 * connection, waits with back-off, reconnects and asks for a full load (changes may have been missed,
 * or the database replaced).
 */
final class SnapshotRefresher implements Runnable {

    private static final int WAIT_SLICE_MS = 100;
    /** The feed's queries are small: a silent network loss should surface within seconds. */
    private static final int LISTEN_SOCKET_TIMEOUT_SECONDS = 15;

    private final Connections connections;
    private final ProvisioningViewConfig config;
    private final ViewState state;
    private final FullLoader loader;
    private final ChangeFeedRepository feed = new ChangeFeedRepository();
    private final Backoff backoff;
    private volatile boolean stopped;
    private Connection connection;
    private ChangeCursor cursor;

    SnapshotRefresher(Connections connections, ProvisioningViewConfig config, ViewState state, FullLoader loader) {
        this.connections = connections;
        this.config = config;
        this.state = state;
        this.loader = loader;
        this.backoff = new Backoff(config.maxBackoff());
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                step();
                backoff.reset();
            } catch (Exception e) {
                if (stopped) {
                    break;
                }
                state.failed("change feed", e);
                disconnect();
                sleep(backoff.next().toMillis());
            }
        }
        disconnect();
    }

    void stop() {
        stopped = true;
    }

    private void step() throws SQLException {
        if (connection == null) {
            connect();
            loader.request();
        }
        ChangeCursor installed = state.installPendingLoad();
        if (installed != null) {
            cursor = installed;
        }
        if (cursor != null) {
            ChangeBatch batch = feed.poll(connection, cursor);
            if (!batch.isEmpty()) {
                apply(batch);
            }
            cursor = batch.next();
            if (!loader.pending()) {
                state.synced();
            }
        }
        waitForChange();
    }

    private void apply(ChangeBatch batch) throws SQLException {
        if (batch.needsFullLoad(config.patchLimit())) {
            loader.request();
        }
        if (batch.keyCount() <= config.patchLimit()) {
            state.patch(feed.fetch(connection, batch), config.compactAbove());
        }
    }

    private void connect() throws SQLException {
        connection = connections.open("callsign-provisioning-listen", LISTEN_SOCKET_TIMEOUT_SECONDS);
        try (Statement st = connection.createStatement()) {
            st.execute("LISTEN " + ChangeFeedRepository.CHANNEL);
        }
        state.listening(true);
    }

    /** Returns on a notification, a pending full load, the end of the poll interval, or stop. */
    private void waitForChange() throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long deadline = System.nanoTime() + config.pollInterval().toNanos();
        while (!stopped && System.nanoTime() < deadline && !state.hasPendingLoad()) {
            PGNotification[] notifications = pg.getNotifications(WAIT_SLICE_MS);
            if (notifications != null && notifications.length > 0) {
                return;
            }
        }
    }

    private void disconnect() {
        state.listening(false);
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the connection is already broken; nothing to release
            }
            connection = null;
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            stopped = true;
            Thread.currentThread().interrupt();
        }
    }
}
