package io.callsign.verification;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.certificates.CertificatesConfig;
import io.callsign.certificates.CredentialResolver;
import io.callsign.certificates.TrustAnchors;
import io.callsign.config.ConfigException;
import io.callsign.config.ConfigProblem;
import io.callsign.config.Settings;
import io.callsign.credentials.CredentialsSetup;
import io.callsign.http.JsonBodies;
import io.callsign.http.Problem;
import io.callsign.http.Routes;
import io.callsign.ops.Metrics;
import io.callsign.passport.Es256;
import io.callsign.rpc.JsonRpcDispatcher;
import io.callsign.rpc.RpcProblem;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The verification feature's face towards the composition root: builds the credential resolvers
 * from the settings (plus the lab root and host in lab mode), the {@link VerificationService}, its
 * HTTP route and JSON-RPC method, and exports the certificate cache counters as metrics.
 * {@link #close()} stops the resolvers' threads. Thread-safe after {@link #start}. Longer than most
 * classes because it is the feature's only face towards the composition root and the settings.
 */
public final class VerificationSetup implements AutoCloseable {

    private final List<CredentialResolver> resolvers;
    private final VerificationService service;

    private VerificationSetup(List<CredentialResolver> resolvers, VerificationService service) {
        this.resolvers = List.copyOf(resolvers);
        this.service = service;
    }

    /**
     * @param lab the lab root and host when the service runs with lab credentials: x5u URLs on that
     *            host are fetched with the lab root as HTTPS CA and STI anchor, on any port
     * @param es256 the configured ES256 provider (CALLSIGN_CRYPTO_PROVIDER)
     */
    public static VerificationSetup start(Settings settings, Optional<CredentialsSetup.LabTrust> lab, Metrics metrics,
                                          Es256 es256, Clock clock) {
        CertificatesConfig certificates = certificatesConfig(settings);
        List<CredentialResolver> resolvers = new ArrayList<>();
        CredentialResolver production;
        try {
            production = CredentialResolver.create(certificates, TrustAnchors.load(certificates.trustAnchors()), clock);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // An unreadable PEM file is a setting problem, reported like the others (exit code 2).
            String key = e.getMessage() != null && e.getMessage().startsWith("CALLSIGN_HTTPS_CA")
                    ? "CALLSIGN_HTTPS_CA" : "CALLSIGN_TRUST_ANCHORS";
            throw new ConfigException(List.of(new ConfigProblem(key, String.valueOf(key.equals("CALLSIGN_HTTPS_CA")
                    ? certificates.httpsCaFile().orElse(null) : certificates.trustAnchors().orElse(null)),
                    e.getMessage() + "; give PEM files of CA certificates")));
        }
        resolvers.add(production);
        CredentialSource source = CredentialSource.of(production);
        if (lab.isPresent()) {
            CredentialResolver labResolver = CredentialResolver.create(labConfig(certificates, lab.get()),
                    TrustAnchors.of(List.of(lab.get().root())), List.of(lab.get().root()), clock);
            resolvers.add(labResolver);
            source = new LabRouting(lab.get().host(), CredentialSource.of(labResolver), CredentialSource.of(production));
        }
        VerificationService service = new VerificationService(VerificationConfig.from(settings), source, es256, clock,
                metrics);
        CertificateMetrics.export(metrics, resolvers);
        return new VerificationSetup(resolvers, service);
    }

    public VerificationService service() {
        return service;
    }

    /**
     * {@code POST /v1/verify}: a warm verification (every credential in memory) is answered on the I/O
     * thread; one that needs an x5u fetch goes to a worker thread, where waiting is fine.
     */
    public void mount(Routes routes) {
        routes.postJsonInlineFirst("/v1/verify", VerifyRequest.class,
                request -> service.verifyWithoutWaiting(present(request)).map(response -> (Object) response),
                request -> service.verify(present(request)));
    }

    private static VerifyRequest present(VerifyRequest request) {
        if (request == null) {
            throw Problem.badRequest("the request body must be a JSON object such as {\"identity\": [...]}");
        }
        return request;
    }

    /** JSON-RPC {@code stir.verify}: params is the request object (or an array holding it). */
    public void register(JsonRpcDispatcher dispatcher) {
        dispatcher.register("stir.verify", params -> service.verify(params(params)));
    }

    static VerifyRequest params(JsonNode params) throws RpcProblem {
        JsonNode object = params.isArray() && params.size() == 1 ? params.get(0) : params;
        if (object == null || !object.isObject()) {
            throw RpcProblem.invalidParams("params must be the verify request object, e.g. {\"identity\": [...]}");
        }
        try {
            return JsonBodies.read(object, VerifyRequest.class);
        } catch (Problem problem) {
            throw RpcProblem.invalidParams(problem.detail());
        }
    }

    /** The settings mapped onto the certificate side's configuration. */
    public static CertificatesConfig certificatesConfig(Settings settings) {
        Settings.Verification v = settings.verification();
        Settings.X5u x = v.x5u();
        return CertificatesConfig.defaults().toBuilder()
                .trustAnchors(v.trustAnchors().orElse(null))
                .httpsCaFile(v.httpsCa().orElse(null))
                .x5uAllow(v.x5uAllow())
                .x5uPorts(Set.copyOf(x.ports()))
                .fetchTimeout(Duration.ofMillis(x.timeoutMs()))
                .maxBytes(x.maxBytes())
                .maxChainLength(x.maxChain())
                .cacheMaxEntries(x.cacheSize())
                .minTtl(Duration.ofSeconds(x.minTtlSeconds()))
                .negativeTtl(Duration.ofMillis(x.negativeTtlMs()))
                .staleGrace(Duration.ofSeconds(x.staleSeconds()))
                .maxConcurrentFetches(x.maxFetches())
                .profile(CertificatesConfig.Profile.valueOf(x.certProfile().toUpperCase(Locale.ROOT)))
                .crlCheck(CertificatesConfig.CrlCheck.valueOf(x.crlCheck().toUpperCase(Locale.ROOT)))
                .crlMaxBytes(x.crlMaxBytes())
                .crlMaxTtl(Duration.ofSeconds(x.crlMaxTtlSeconds()))
                .anchorsCheckInterval(Duration.ofSeconds(x.anchorsCheckSeconds()))
                .build();
    }

    /** Lab host only: any port (an empty port set), the host allowed, no CRL (the lab CA publishes none). */
    static CertificatesConfig labConfig(CertificatesConfig production, CredentialsSetup.LabTrust lab) {
        Set<String> allow = new HashSet<>(production.x5uAllow());
        allow.add(lab.host());
        return production.toBuilder().trustAnchors(null).x5uAllow(List.copyOf(allow)).x5uPorts(Set.of())
                .crlCheck(CertificatesConfig.CrlCheck.OFF).build();
    }

    @Override
    public void close() {
        resolvers.forEach(CredentialResolver::close);
    }
}
