package io.callsign;

import io.callsign.config.ConfigException;
import io.callsign.config.ConfigProblem;
import io.callsign.config.Settings;
import io.callsign.config.SettingsLoader;
import io.callsign.credentials.ActiveCredentials;
import io.callsign.credentials.CredentialsConfig;
import io.callsign.credentials.CredentialsSetup;
import io.callsign.database.Database;
import io.callsign.http.HttpServer;
import io.callsign.http.JsonBodies;
import io.callsign.http.Routes;
import io.callsign.ops.HealthHandlers;
import io.callsign.ops.Metrics;
import io.callsign.ops.ReadinessCheck;
import io.callsign.rpc.JsonRpcDispatcher;
import io.callsign.rpc.RpcConfig;
import io.callsign.rpc.RpcHttpHandler;
import io.callsign.rpc.RpcListener;
import io.callsign.rpc.RpcTcpServer;
import io.callsign.verification.VerificationSetup;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
    private final ActiveCredentials credentials = new ActiveCredentials();
    private final CredentialsSetup credentialsSetup;

    private Callsign(Settings settings) {
        this.settings = settings;
        Clock clock = Clock.systemUTC();
        Metrics metrics = new Metrics();
        this.credentialsSetup = CredentialsSetup.prepare(CredentialsConfig.from(settings), credentials, clock);
        this.database = own(Database.open(settings.database()));
        LOG.info("database: {}", database.embedded()
                ? "embedded PostgreSQL under " + settings.dataDir().toAbsolutePath().resolve("postgres")
                : database.jdbcUrl());

        Routes routes = new Routes();
        credentialsSetup.mount(routes);
        HealthHandlers health = new HealthHandlers(metrics)
                .register("database", () -> database.isReachable(Duration.ofSeconds(1))
                        ? ReadinessCheck.Status.ok("reachable")
                        : ReadinessCheck.Status.failing("cannot get a working connection to " + database.jdbcUrl()))
                .register("credentials", credentialsSetup.readiness());
        health.mount(routes);

        // JSON-RPC 2.0 on the call-path services: POST /rpc, and TCP when CALLSIGN_RPC_LISTEN is set.
        JsonRpcDispatcher rpc = new JsonRpcDispatcher(JsonBodies.MAPPER);
        routes.post("/rpc", new RpcHttpHandler(rpc, settings.http().maxBodyBytes()));

        // STI-VS: POST /v1/verify and stir.verify.
        VerificationSetup verification = own(VerificationSetup.start(settings, credentialsSetup.labTrust(), metrics, clock));
        verification.mount(routes);
        verification.register(rpc);
        startRpcTcp(settings, rpc).ifPresent(this::own);

        this.http = HttpServer.start(settings.http().listen(), credentialsSetup.httpsListeners(), routes,
                settings.http().maxBodyBytes());
        credentialsSetup.activate(http);
    }

    /** The JSON-RPC TCP listeners of {@code CALLSIGN_RPC_LISTEN}; none when it is unset or {@code off}. */
    private static Optional<RpcTcpServer> startRpcTcp(Settings settings, JsonRpcDispatcher rpc) {
        if (settings.rpcListen().isEmpty()) {
            return Optional.empty();
        }
        String value = settings.rpcListen().get();
        try {
            List<RpcListener> listeners = RpcConfig.parseListeners(value);
            return listeners.isEmpty() ? Optional.empty()
                    : Optional.of(RpcTcpServer.start(RpcConfig.defaults().withListeners(listeners), rpc));
        } catch (IllegalArgumentException | IOException e) {
            throw new ConfigException(List.of(new ConfigProblem("CALLSIGN_RPC_LISTEN", value, e.getMessage()
                    + "; use framing:host:port entries separated by commas, e.g. " + RpcConfig.DEFAULT_LISTEN)));
        }
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
            System.err.println("unknown command '" + command + "'; usage: callsign [serve]");
            return 64;
        }
        SettingsLoader.Loaded loaded;
        Callsign service;
        try {
            loaded = SettingsLoader.load(environment, CredentialsSetup.settingsCheck(Clock.systemUTC()));
            LOG.info("effective configuration:\n{}", loaded.effectiveConfiguration());
            service = start(loaded.settings());
        } catch (ConfigException e) {
            System.err.println("Callsign cannot start. " + e.getMessage());
            return 2;
        }
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

    /** The port the HTTPS certificate repository is bound to; empty when {@code CALLSIGN_TLS_LISTEN} is off. */
    public OptionalInt tlsPort() {
        return credentialsSetup.tlsPort();
    }

    /** The credentials signing uses and cert.pem publishes; ACME installs here. */
    public ActiveCredentials credentials() {
        return credentials;
    }

    /** In lab mode, the lab root and host the verifier must trust. */
    public Optional<CredentialsSetup.LabTrust> labTrust() {
        return credentialsSetup.labTrust();
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
