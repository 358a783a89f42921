package io.callsign.acme;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import javax.sql.DataSource;

import io.callsign.config.ConfigProblem;
import io.callsign.config.Settings;
import io.callsign.config.SettingsCheck;
import io.callsign.credentials.ActiveCredentials;
import io.callsign.credentials.CertificateRepositoryHandler;
import io.callsign.http.Routes;
import io.callsign.ops.Metrics;
import io.callsign.ops.ReadinessCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACME feature as the composition root sees it: renewal scheduler, http-01 responder, the
 * database lease and shared store (several instances on one database order once and all adopt the
 * result), readiness detail and metrics. Thread-safe after {@link #create}.
 */
public final class AcmeService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AcmeService.class);

    private final AcmeConfig config;
    private final Http01Responder http01;
    private final SharedCredentialsRepository shared;
    private final RenewalScheduler scheduler;
    private final Function<X509Certificate, URI> x5u;

    private AcmeService(AcmeConfig config, Http01Responder http01, SharedCredentialsRepository shared,
                        RenewalScheduler scheduler, Function<X509Certificate, URI> x5u) {
        this.config = config;
        this.http01 = http01;
        this.shared = shared;
        this.scheduler = scheduler;
        this.x5u = x5u;
    }

    /**
     * Builds, without network or start: state in {@code stateDir}, lease and shared credentials in
     * {@code database}, credentials installed into {@code active}.
     *
     * @param perCertificateX5u sign with a URL per certificate ({@code .../<leaf-hash>.pem}) when the
     *                          x5u is our repository's {@code cert.pem}; else with {@code config.x5u()}
     */
    public static AcmeService create(AcmeConfig config, Path stateDir, boolean perCertificateX5u, DataSource database,
                                     ActiveCredentials active, Clock clock) {
        Function<X509Certificate, URI> x5u = perCertificateX5u
                ? leaf -> CertificateRepositoryHandler.x5uFor(config.x5u(), leaf) : leaf -> config.x5u();
        AcmeStore store = new AcmeStore(stateDir);
        Http01Responder http01 = new Http01Responder();
        SharedCredentialsRepository shared = new SharedCredentialsRepository(database, x5u);
        RenewalScheduler scheduler = new RenewalScheduler(config.renewal(), new AcmeEnrolment(config, store, http01, clock),
                store, shared, LeaseRepository.forAcmeRenewal(database), active, x5u, clock);
        return new AcmeService(config, http01, shared, scheduler, x5u);
    }

    /**
     * For {@code SettingsLoader.load}: what only building the ACME configuration reveals, such as a
     * CA file without certificates. Values the loader already refused are not reported twice.
     */
    public static SettingsCheck settingsCheck() {
        return settings -> {
            Settings.Acme acme = settings.acme();
            if (!acme.enabled() || settings.credentials().staticConfigured() || acme.domain().isEmpty()
                    || !knownProvider(acme)) {
                return List.of();
            }
            try {
                AcmeConfig config = AcmeConfig.from(settings);
                if (config.trustedCa() != null) {
                    TrustedTls.context(config.trustedCa());
                }
                return List.of();
            } catch (AcmeFailure e) {
                return List.of(new ConfigProblem("CALLSIGN_ACME_CA_FILE", String.valueOf(acme.caFile().orElse(null)),
                        e.getMessage() + "; name a PEM file of the CA certificates that issued the ACME server's TLS"));
            } catch (IllegalArgumentException e) {
                return List.of(new ConfigProblem("ZTA_ACME_PROVIDER", acme.provider().orElse(""), e.getMessage()));
            }
        };
    }

    private static boolean knownProvider(Settings.Acme acme) {
        try {
            AcmeConfig.directoryFor(acme.provider().orElseThrow(), acme.staging());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public AcmeConfig config() {
        return config;
    }

    /** The x5u this service signs with for {@code leaf}. */
    public URI x5uFor(X509Certificate leaf) {
        return x5u.apply(leaf);
    }

    /** http-01 (RFC 8555 §8.3): the CA fetches {@code /.well-known/acme-challenge/<token>} on port 80 of the domain. */
    public void mount(Routes routes) {
        String template = Http01Responder.PREFIX + "{token}";
        routes.get(template, http01).head(template, http01);
    }

    /** Installs stored credentials now (no CA traffic), then orders or renews in the background. */
    public void start() {
        scheduler.start();
        LOG.info("ACME: {} via {} for {}, x5u {}{}", config.challenge().wireName(), config.directory(),
                config.challenge() == ChallengeMethod.TKAUTH_01 ? "SPC " + config.tkauth().spc() : config.domain(),
                config.x5u(), status().serial() == null ? "; ordering the first certificate" : "");
    }

    public AcmeStatus status() {
        return scheduler.status();
    }

    /**
     * Renews now and waits; the old credentials stay active when it fails.
     *
     * @throws RenewalBusy while another instance is renewing
     * @throws AcmeFailure naming what failed
     */
    public AcmeStatus renewNow() {
        return scheduler.renewNow();
    }

    /** Every chain published through the database and not expired: the repository keeps serving these. */
    public List<List<X509Certificate>> publishedChains() {
        try {
            return shared.unexpiredChains();
        } catch (AcmeFailure e) {
            LOG.warn("Cannot list the published ACME chains: {}", e.getMessage());
            return List.of();
        }
    }

    /** Adds the ACME state to {@code credentials}' detail; readiness itself stays {@code credentials}' verdict. */
    public ReadinessCheck readiness(ReadinessCheck credentials) {
        return () -> {
            ReadinessCheck.Status base = credentials.check();
            return new ReadinessCheck.Status(base.ready(), base.detail() + "; ACME " + AcmeStatusText.of(status()));
        };
    }

    /** {@code callsign_cert_renewals_total{result}} and {@code callsign_cert_alert}. */
    public void registerMetrics(Metrics metrics) {
        String help = "ACME renewal steps of this instance: success (ordered), failure, adopted (from another instance)";
        LongAdder success = metrics.counter("callsign_cert_renewals_total", help, "result", "success");
        LongAdder failure = metrics.counter("callsign_cert_renewals_total", help, "result", "failure");
        LongAdder adopted = metrics.counter("callsign_cert_renewals_total", help, "result", "adopted");
        scheduler.onOutcome(outcome -> (switch (outcome) {
            case ISSUED -> success;
            case FAILED -> failure;
            case ADOPTED -> adopted;
        }).increment());
        metrics.gauge("callsign_cert_alert", "1 when the signing certificate nears expiry (or none could be"
                + " obtained) and renewal has not succeeded", () -> status().alert() ? 1 : 0);
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
