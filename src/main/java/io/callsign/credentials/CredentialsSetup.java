package io.callsign.credentials;

import io.callsign.config.ConfigException;
import io.callsign.config.ConfigProblem;
import io.callsign.config.SettingsCheck;
import io.callsign.http.HttpServer;
import io.callsign.http.Routes;
import io.callsign.ops.Metrics;
import io.callsign.ops.ReadinessCheck;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credentials feature's entry point for the composition root. Chooses the source (static PEM
 * files, ACME, or the generated lab CA), builds the HTTPS listener of the certificate repository,
 * and installs the credentials once the server has bound its ports ({@link #activate}): the lab x5u
 * names the port actually bound. With ACME, nothing is installed here; the ACME feature calls
 * {@link #install} (or {@link ActiveCredentials#install}) when it has a certificate.
 * Thread-safe after {@link #prepare}. Longer than most classes because it is the feature's only
 * public face towards the composition root, the verifier (lab trust) and ACME.
 */
public final class CredentialsSetup {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialsSetup.class);

    private final CredentialsConfig config;
    private final ActiveCredentials active;
    private final Clock clock;
    private final Sources sources;
    private final CertificateRepositoryHandler repository;
    private volatile OptionalInt tlsPort = OptionalInt.empty();

    private CredentialsSetup(CredentialsConfig config, ActiveCredentials active, Clock clock, Sources sources) {
        this.config = config;
        this.active = active;
        this.clock = clock;
        this.sources = sources;
        this.repository = new CertificateRepositoryHandler(active, clock);
        active.onChange(installed -> LOG.info("signing credentials installed: {}", describe(installed)));
    }

    /** For {@code SettingsLoader.load}: reports unusable static or TLS key/certificate files with the other setting problems. */
    public static SettingsCheck settingsCheck(Clock clock) {
        return settings -> {
            List<ConfigProblem> problems = new ArrayList<>();
            CredentialsConfig config = CredentialsConfig.from(settings);
            Sources.readFiles(config, clock, problems);
            if (config.acme()) {
                // With ACME, CALLSIGN_X5U alone overrides the published URL; it must still be one verifiers fetch.
                config.x5u().flatMap(X5uRule::fix).ifPresent(fix -> problems.add(
                        new ConfigProblem("CALLSIGN_X5U", config.x5u().get().toString(), fix)));
            }
            return problems;
        };
    }

    /**
     * Loads static credentials or opens the lab CA, and prepares the HTTPS listener.
     *
     * @throws ConfigException naming the settings when a file is unusable or the lab directory is not writable
     */
    public static CredentialsSetup prepare(CredentialsConfig config, ActiveCredentials active, Clock clock) {
        return new CredentialsSetup(config, active, clock, Sources.open(config, clock, active));
    }

    /** The HTTPS certificate repository listener, or none when {@code CALLSIGN_TLS_LISTEN} is off. */
    public List<HttpServer.HttpsListener> httpsListeners() {
        return sources.https().map(List::of).orElse(List.of());
    }

    /** Mounts {@code GET}/{@code HEAD /.well-known/stir/cert.pem} and the per-certificate paths; served on every listener. */
    public void mount(Routes routes) {
        repository.mount(routes);
    }

    /** Keeps serving {@code chain} at its per-certificate path until it expires (chains published before a restart). */
    public void retainPublished(List<X509Certificate> chain) {
        repository.retain(chain);
    }

    /**
     * Where the repository looks for a per-certificate file it has not published itself (another
     * instance renewed); called on a worker thread at most once a second, may block briefly.
     */
    public void lookUpUnknownFilesIn(Supplier<List<List<X509Certificate>>> candidates) {
        repository.lookUpUnknownFilesIn(candidates);
    }

    /**
     * {@code callsign_cert_not_after_seconds}: when the active leaf expires (Unix time), whatever the
     * source; NaN before any credentials are installed.
     */
    public void registerMetrics(Metrics metrics) {
        metrics.gauge("callsign_cert_not_after_seconds", "notAfter of the active signing certificate, Unix seconds",
                () -> active.current().map(c -> (double) c.leaf().getNotAfter().toInstant().getEpochSecond())
                        .orElse(Double.NaN));
    }

    /** The {@code credentials} readiness check. */
    public ReadinessCheck readiness() {
        return new CredentialsReadiness(active, clock, config.source());
    }

    /**
     * Installs static or lab credentials once {@code server} (started with {@link #httpsListeners()})
     * has bound its ports. Call once.
     */
    public void activate(HttpServer server) {
        // Listener 0 is plain HTTP, 1 the repository's HTTPS listener from httpsListeners().
        activate(sources.https().isPresent() ? OptionalInt.of(server.port(1)) : OptionalInt.empty());
    }

    /** {@link #activate(HttpServer)} with the HTTPS port already known (empty = TLS off). */
    void activate(OptionalInt boundTlsPort) {
        tlsPort = boundTlsPort;
        sources.staticCredentials().ifPresent(active::install);
        sources.lab().ifPresent(lab -> active.install(lab.signingCredentials(LabCertificateAuthority.x5u(lab.host(), labPort()))));
    }

    /**
     * Installs credentials obtained elsewhere (ACME), after checking that a verifier would accept
     * them: P-256 key matching the leaf, leaf valid now, x5u https on 443/8443 without query.
     *
     * @throws IllegalArgumentException saying what is wrong; the active credentials stay as they were
     */
    public void install(SigningCredentials obtained) {
        List<String> defects = new ArrayList<>();
        KeyChecks.whyNotP256(obtained.key()).ifPresent(why -> defects.add("key: " + why));
        if (!KeyChecks.matches(obtained.key(), obtained.leaf().getPublicKey())) {
            defects.add("the leaf's public key does not match the key");
        }
        KeyChecks.whyNotValidAt(obtained.leaf(), clock.instant()).ifPresent(why -> defects.add("leaf " + why));
        X5uRule.fix(obtained.x5u()).ifPresent(fix -> defects.add("x5u " + obtained.x5u() + ": " + fix));
        if (!defects.isEmpty()) {
            throw new IllegalArgumentException("refusing " + obtained.source() + " credentials for "
                    + obtained.leaf().getSubjectX500Principal() + ": " + String.join("; ", defects));
        }
        active.install(obtained);
    }

    /** The port the HTTPS repository is bound to, once {@link #activate} ran; empty when TLS is off. */
    public OptionalInt tlsPort() {
        return tlsPort;
    }

    /** In lab mode: what a verifier needs to accept our lab certificates. */
    public Optional<LabTrust> labTrust() {
        return sources.lab().map(lab -> new LabTrust(lab.root(), lab.host()));
    }

    public String source() {
        return config.source();
    }

    /** One line for logs: source, x5u, SPC, subject and notAfter; never key material. */
    static String describe(SigningCredentials credentials) {
        X509Certificate leaf = credentials.leaf();
        return "source=" + credentials.source() + ", x5u=" + credentials.x5u()
                + ", SPC=" + TnAuthList.spc(leaf).orElse("(none)")
                + ", subject=" + leaf.getSubjectX500Principal().getName()
                + ", notAfter=" + leaf.getNotAfter().toInstant();
    }

    private int labPort() {
        if (tlsPort.isPresent()) {
            return tlsPort.getAsInt();
        }
        // ATIS-1000074 §5.3.1: 8443 is the nominal port; nothing of ours serves it with TLS off.
        LOG.warn("lab x5u names port 8443 but CALLSIGN_TLS_LISTEN is off: verifiers cannot fetch cert.pem from this process");
        return 8443;
    }

    /**
     * The lab root and host a verifier must trust and allow, in lab mode.
     *
     * @param root trust anchor for PASSporT chains and CA for the HTTPS x5u fetch
     * @param host the lab host, to exempt from the verifier's private-address block
     */
    public record LabTrust(X509Certificate root, String host) {
    }
}
