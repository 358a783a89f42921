package io.callsign;

import io.callsign.config.ConfigException;
import io.callsign.config.Settings;
import io.callsign.config.SettingsLoader;
import io.callsign.database.Database;
import io.callsign.http.HttpServer;
import io.callsign.http.Routes;
import io.callsign.ops.HealthHandlers;
import io.callsign.ops.Metrics;
import io.callsign.ops.ReadinessCheck;
import io.callsign.provisioning.Cli;
import io.callsign.provisioning.ProvisioningApi;
import io.callsign.provisioning.ProvisioningConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: load settings, open and migrate the database, build the services, start
 * the servers. Reads top to bottom as the start-up story; {@link #close()} runs it backwards.
 */
public final class Callsign implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Callsign.class);

    private final Settings settings;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final HttpServer http;
    private final Database database;

    private Callsign(Settings settings) {
        this.settings = settings;
        Metrics metrics = new Metrics();
        this.database = own(Database.open(settings.database()));
        LOG.info("database: {}", database.embedded()
                ? "embedded PostgreSQL under " + settings.dataDir().toAbsolutePath().resolve("postgres")
                : database.jdbcUrl());

        Routes routes = new Routes();
        HealthHandlers health = new HealthHandlers(metrics)
                .register("database", () -> database.isReachable(Duration.ofSeconds(1))
                        ? ReadinessCheck.Status.ok("reachable")
                        : ReadinessCheck.Status.failing("cannot get a working connection to " + database.jdbcUrl()));
        health.mount(routes);
        new ProvisioningApi(database.dataSource(), ProvisioningConfig.withToken(settings.provisioning().token()),
                ProvisioningApi.NO_POLICY).mount(routes);

        this.http = HttpServer.start(settings.http().listen(), List.of(), routes, settings.http().maxBodyBytes());
    }

    /** Starts a service from validated settings. */
    public static Callsign start(Settings settings) {
        return new Callsign(settings);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> environment) {
        String command = args.length == 0 ? "serve" : args[0];
        if (!command.equals("serve")) {
            return Cli.run(args, environment, System.out, System.err);
        }
        SettingsLoader.Loaded loaded;
        try {
            loaded = SettingsLoader.load(environment);
        } catch (ConfigException e) {
            System.err.println("Callsign cannot start. " + e.getMessage());
            return 2;
        }
        LOG.info("effective configuration:\n{}", loaded.effectiveConfiguration());
        Callsign service = start(loaded.settings());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: finishing requests in flight (up to {} s)", loaded.settings().http().shutdownGraceSeconds());
            service.close();
        }, "callsign-shutdown"));
        LOG.info("Callsign ready on http://{}", loaded.settings().http().listen());
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    public Database database() {
        return database;
    }

    public int httpPort() {
        return http.port();
    }

    private <T extends AutoCloseable> T own(T resource) {
        resources.add(resource);
        return resource;
    }

    @Override
    public void close() {
        http.shutdown(Duration.ofSeconds(settings.http().shutdownGraceSeconds()));
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("while stopping {}: {}", resources.get(i).getClass().getSimpleName(), e.toString());
            }
        }
    }
}
