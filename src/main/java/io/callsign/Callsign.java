package io.callsign;

import io.callsign.acme.AcmeConfig;
import io.callsign.acme.AcmeService;
import io.callsign.certadmin.CertCli;
import io.callsign.certadmin.CertificateApi;
import io.callsign.certadmin.OperatorGuard;
import io.callsign.config.ConfigException;
import io.callsign.config.Settings;
import io.callsign.config.SettingsLoader;
import io.callsign.credentials.ActiveCredentials;
import io.callsign.credentials.CredentialsConfig;
import io.callsign.credentials.CredentialsSetup;
import io.callsign.database.Database;
import io.callsign.http.HttpServer;
import io.callsign.http.ListenException;
import io.callsign.http.Routes;
import io.callsign.ops.HealthHandlers;
import io.callsign.ops.Metrics;
import io.callsign.ops.ReadinessCheck;
import io.callsign.attestation.AttestationConfig;
import io.callsign.attestation.AttestationMode;
import io.callsign.attestation.AttestationPolicy;
import io.callsign.attestation.OverridePolicy;
import io.callsign.http.JsonBodies;
import io.callsign.numbers.ProvisioningView;
import io.callsign.numbers.ProvisioningViewConfig;
import io.callsign.numbers.ViewStatus;
import io.callsign.passport.Es256;
import io.callsign.passport.ProviderChoice;
import io.callsign.rpc.JsonRpcDispatcher;
import io.callsign.rpc.RpcConfig;
import io.callsign.rpc.RpcHttpHandler;
import io.callsign.rpc.RpcMethod;
import io.callsign.rpc.RpcTcpServer;
import io.callsign.signing.SignRequest;
import io.callsign.signing.SigningConfig;
import io.callsign.signing.SigningMetrics;
import io.callsign.signing.SigningService;
import io.callsign.verification.VerificationSetup;
import java.io.IOException;
import java.time.Clock;
import io.callsign.provisioning.Cli;
import io.callsign.provisioning.ProvisioningApi;
import io.callsign.provisioning.ProvisioningConfig;
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
    /** Everything opened, closed in reverse order on stop, or at once when start-up fails half-way. */
    private final List<AutoCloseable> resources;
    private final HttpServer http;
    private final Database database;
    private final ActiveCredentials credentials = new ActiveCredentials();
    private final CredentialsSetup credentialsSetup;
    private final ProvisioningView provisioning;
    private final SigningService signing;
    private final RpcTcpServer rpcTcp;
    private final Optional<AcmeService> acme;

    private Callsign(Settings settings, List<AutoCloseable> resources) {
        this.settings = settings;
        this.resources = resources;
        Clock clock = Clock.systemUTC();
        Metrics metrics = new Metrics();
        this.credentialsSetup = CredentialsSetup.prepare(CredentialsConfig.from(settings), credentials, clock);
        this.database = own(Database.open(settings.database()));
        LOG.info("database: {}", database.embedded()
                ? "embedded PostgreSQL under " + settings.dataDir().toAbsolutePath().resolve("postgres")
                : database.jdbcUrl());

        this.acme = credentialsSetup.source().equals("acme")
                ? Optional.of(own(AcmeService.create(AcmeConfig.from(settings), settings.acme().stateDir(),
                        settings.acme().perCertificateX5u(), database.dataSource(), credentials, clock)))
                : Optional.empty();

        Es256 es256 = Es256.on(ProviderChoice.parse(settings.stir().cryptoProvider()));
        LOG.info("ES256 provider: {}", es256.providerName());

        this.provisioning = own(ProvisioningView.create(database, viewConfig(settings.snapshot()), clock));
        provisioning.start();
        awaitFirstSnapshot();

        AttestationPolicy attestation = new AttestationPolicy(new AttestationConfig(
                AttestationMode.parse(settings.stir().attestation()),
                OverridePolicy.parse(settings.stir().attestOverride()), settings.stir().requireKyc()), clock);
        this.signing = new SigningService(
                new SigningConfig(settings.stir().enabled(), settings.stir().defaultCountryCode(),
                        Duration.ofSeconds(settings.stir().maxDateSkewSeconds())),
                attestation,
                provisioning::snapshot, credentials, es256, clock, new SigningMetrics(metrics));

        JsonRpcDispatcher rpc = new JsonRpcDispatcher(JsonBodies.MAPPER);
        rpc.register("stir.sign", RpcMethod.of(SignRequest.class, signing::sign));

        Routes routes = new Routes();
        credentialsSetup.mount(routes);
        acme.ifPresent(service -> service.mount(routes));
        new CertificateApi(credentials, credentialsSetup.source(), acme,
                new OperatorGuard(settings.provisioning().token()), clock).mount(routes);
        routes.postJson("/v1/sign", SignRequest.class, signing::sign, false);
        routes.post("/rpc", new RpcHttpHandler(rpc, settings.rpc().maxRequestBytes()));
        HealthHandlers health = new HealthHandlers(metrics)
                .register("database", () -> database.isReachable(Duration.ofSeconds(1))
                        ? ReadinessCheck.Status.ok("reachable")
                        : ReadinessCheck.Status.failing("cannot get a working connection to " + database.jdbcUrl()))
                .register("credentials", acme.map(service -> service.readiness(credentialsSetup.readiness()))
                        .orElse(credentialsSetup.readiness()))
                .register("provisioning", () -> snapshotReadiness(provisioning.status()));
        health.mount(routes);
        new ProvisioningApi(database.dataSource(), new ProvisioningConfig(settings.provisioning().token(),
                        settings.provisioning().importMaxBytes(),
                        Duration.ofSeconds(settings.provisioning().importIdleTimeoutSeconds())),
                query -> explain(attestation, query)).mount(routes);
        credentialsSetup.registerMetrics(metrics);
        acme.ifPresent(service -> service.registerMetrics(metrics));

        // STI-VS: POST /v1/verify and stir.verify.
        VerificationSetup verification = own(VerificationSetup.start(settings, credentialsSetup.labTrust(), metrics,
                es256, clock));
        verification.mount(routes);
        verification.register(rpc);

        // The HTTP server comes last: a failure before it leaves only owned resources to close.
        this.rpcTcp = settings.rpc().listeners().isEmpty() ? null : own(startRpc(settings, rpc));
        this.http = HttpServer.start(settings.http().listen(), credentialsSetup.httpsListeners(), routes,
                settings.http().maxBodyBytes());
        credentialsSetup.activate(http);
        acme.ifPresent(this::startAcme);
    }

    /** {@code GET /v1/explain}: the attestation the current snapshot gives a hypothetical call. */
    private Object explain(AttestationPolicy attestation, io.callsign.provisioning.ExplainQuery query) {
        io.callsign.attestation.CallOrigin origin;
        try {
            origin = io.callsign.attestation.CallOrigin.of(query.trunk().orElse(null), query.sourceIp().orElse(null),
                    query.authUser().orElse(null), query.registered(), query.fromAor().orElse(null));
        } catch (IllegalArgumentException e) {
            throw io.callsign.http.Problem.badRequest("sourceIp: '" + query.sourceIp().orElse("") + "' is not an IP address");
        }
        return attestation.explain(origin, query.tn(), null, provisioning.snapshot());
    }

    /**
     * After the server listens (the CA's http-01 request must find the responder): keep serving the
     * chains published before (their signatures may still be verified), find chains other instances
     * publish, install the stored certificate and order in the background if there is none.
     */
    private void startAcme(AcmeService service) {
        service.publishedChains().forEach(credentialsSetup::retainPublished);
        credentialsSetup.lookUpUnknownFilesIn(service::publishedChains);
        service.start();
    }

    private static RpcTcpServer startRpc(Settings settings, JsonRpcDispatcher rpc) {
        try {
            return RpcTcpServer.start(RpcConfig.defaults().withListeners(settings.rpc().listeners()), rpc);
        } catch (IOException e) {
            throw new ListenException(e.getMessage(), e); // names the listener and CALLSIGN_RPC_LISTEN
        }
    }

    private static ProvisioningViewConfig viewConfig(Settings.Snapshot s) {
        return ProvisioningViewConfig.defaults()
                .withFullRefreshInterval(Duration.ofSeconds(s.refreshSeconds()))
                .withPollInterval(Duration.ofMillis(s.pollMillis()))
                .withMaxBackoff(Duration.ofSeconds(s.maxBackoffSeconds()));
    }

    /** Signing answers from the snapshot; start serving once it holds the database's content. */
    private void awaitFirstSnapshot() {
        try {
            if (!provisioning.awaitLoaded(Duration.ofSeconds(60))) {
                LOG.warn("provisioning snapshot not loaded after 60 s; signing gives C until it is: {}", provisioning.status());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ReadinessCheck.Status snapshotReadiness(ViewStatus status) {
        String detail = (status.loaded() ? "snapshot of " + status.numbers() + " numbers, " + status.age().toSeconds() + " s old"
                : "snapshot not loaded yet") + (status.failing() ? "; last error: " + status.lastError() : "");
        return status.fresh(Duration.ofSeconds(settings.snapshot().maxAgeSeconds()))
                ? ReadinessCheck.Status.ok(detail)
                : ReadinessCheck.Status.failing(detail);
    }

    /** Starts a service from validated settings. */
    public static Callsign start(Settings settings) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            return new Callsign(settings, opened);
        } catch (RuntimeException | Error e) {
            closeAll(opened); // e.g. the embedded database, when the HTTP port turns out to be taken
            throw e;
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> environment) {
        String command = args.length == 0 ? "serve" : args[0];
        if (command.equals("cert")) {
            return CertCli.run(List.of(args).subList(1, args.length), environment, System.out, System.err);
        }
        if (!command.equals("serve")) {
            return Cli.run(args, environment, System.out, System.err);
        }
        SettingsLoader.Loaded loaded;
        Callsign service;
        try {
            loaded = SettingsLoader.load(environment, CredentialsSetup.settingsCheck(Clock.systemUTC()),
                    AcmeService.settingsCheck());
            LOG.info("effective configuration:\n{}", loaded.effectiveConfiguration());
            service = start(loaded.settings());
        } catch (ConfigException e) {
            System.err.println("Callsign cannot start. " + e.getMessage());
            return 2;
        } catch (ListenException e) {
            System.err.println("Callsign cannot start: " + e.getMessage());
            return 1;
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

    /** The signing service, for in-process callers (benchmarks, CLI explain). */
    public SigningService signing() {
        return signing;
    }

    public ProvisioningView provisioning() {
        return provisioning;
    }

    /** The bound JSON-RPC TCP listeners; empty when {@code CALLSIGN_RPC_LISTEN} is off. */
    public List<io.callsign.rpc.RpcListener> rpcListeners() {
        return rpcTcp == null ? List.of() : rpcTcp.listeners();
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

    /** With ACME ({@code ZTA_ACME_PROVIDER}), the enrolment and renewal service. */
    public Optional<AcmeService> acme() {
        return acme;
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
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("while stopping {}: {}", resources.get(i).getClass().getSimpleName(), e.toString());
            }
        }
    }
}
