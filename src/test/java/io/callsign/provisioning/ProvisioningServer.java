package io.callsign.provisioning;

import io.callsign.config.HostPort;
import io.callsign.database.TestDatabase;
import io.callsign.http.HttpServer;
import io.callsign.http.Routes;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * Only the provisioning API on a random loopback port over a fresh test database, for tests that need
 * settings the full service does not take yet (an injected explain function, a short idle timeout).
 */
final class ProvisioningServer implements AutoCloseable {

    private final TestDatabase.Db db;
    private final HttpServer server;

    private ProvisioningServer(TestDatabase.Db db, HttpServer server) {
        this.db = db;
        this.server = server;
    }

    static ProvisioningServer start(ProvisioningConfig config, Function<ExplainQuery, Object> explain) {
        TestDatabase.Db db = TestDatabase.create();
        Routes routes = new Routes();
        new ProvisioningApi(db.dataSource(), config, explain).mount(routes);
        return new ProvisioningServer(db, HttpServer.start(new HostPort("127.0.0.1", 0), List.of(), routes, 65536));
    }

    int port() {
        return server.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    Api api() {
        return new Api(this::uri, db.dataSource());
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }
}
