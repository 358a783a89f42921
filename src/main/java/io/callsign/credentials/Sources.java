package io.callsign.credentials;

import io.callsign.config.ConfigException;
import io.callsign.config.ConfigProblem;
import io.callsign.http.HttpServer;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link CredentialsSetup#prepare} found: static credentials or a lab CA (or neither, with
 * ACME), and the HTTPS listener with its TLS identity. Immutable.
 */
record Sources(Optional<SigningCredentials> staticCredentials, Optional<LabCertificateAuthority> lab,
        Optional<HttpServer.HttpsListener> https) {

    static Sources open(CredentialsConfig config, Clock clock, ActiveCredentials active) {
        List<ConfigProblem> problems = new ArrayList<>();
        Files files = readFiles(config, clock, problems);
        boolean labMode = config.source().equals(LabCertificateAuthority.SOURCE);
        if (config.source().equals(StaticCredentialsLoader.SOURCE) && (config.signingCert().isEmpty() || config.x5u().isEmpty())) {
            problems.add(new ConfigProblem("CALLSIGN_SIGNING_KEY", config.signingKey().orElseThrow().toString(),
                    "static credentials need CALLSIGN_SIGNING_KEY, CALLSIGN_SIGNING_CERT and CALLSIGN_X5U together"));
        }
        Optional<LabCertificateAuthority> lab = labMode ? openLab(config, clock, problems) : Optional.empty();
        Optional<TlsIdentity> tls = files.tls().or(() -> lab.map(LabCertificateAuthority::tlsIdentity));
        if (config.tlsListen().isPresent() && !labMode && !config.tlsFromSigning()
                && (config.tlsKey().isEmpty() || config.tlsCert().isEmpty())) {
            problems.add(new ConfigProblem("CALLSIGN_TLS_LISTEN", config.tlsListen().get().toString(),
                    "the HTTPS listener needs a certificate: set CALLSIGN_TLS_KEY and CALLSIGN_TLS_CERT, or CALLSIGN_TLS_LISTEN=off"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Optional<HttpServer.HttpsListener> https = config.tlsListen()
                .map(address -> new HttpServer.HttpsListener(address, tls.isPresent() ? tls.get().sslContext()
                        : SigningKeyManager.sslContext(active)));
        return new Sources(files.signing(), lab, https);
    }

    private static Optional<LabCertificateAuthority> openLab(CredentialsConfig config, Clock clock, List<ConfigProblem> problems) {
        try {
            return Optional.of(LabCertificateAuthority.open(config.labDirectory(), config.labSpc(), config.labHost(), clock));
        } catch (UncheckedIOException e) {
            problems.add(new ConfigProblem("CALLSIGN_DATA_DIR", config.dataDir().toString(),
                    "cannot keep lab credentials in " + config.labDirectory() + " (" + e.getCause() + "); make it writable"));
            return Optional.empty();
        }
    }

    /** Reads the static signing and TLS files that {@code config} names, adding problems to {@code problems}. */
    static Files readFiles(CredentialsConfig config, Clock clock, List<ConfigProblem> problems) {
        Optional<SigningCredentials> signing = Optional.empty();
        if (config.signingKey().isPresent() && config.signingCert().isPresent() && config.x5u().isPresent()) {
            StaticCredentialsLoader.Result result = StaticCredentialsLoader.load(
                    config.signingKey().get(), config.signingCert().get(), config.x5u().get(), clock);
            if (result instanceof StaticCredentialsLoader.Refused refused) {
                problems.addAll(refused.problems());
            } else {
                signing = Optional.of(result.orThrow());
            }
        }
        Optional<TlsIdentity> tls = Optional.empty();
        if (config.tlsKey().isPresent() && config.tlsCert().isPresent()) {
            tls = TlsIdentity.read(config.tlsKey().get(), config.tlsCert().get(), clock.instant(), problems);
        }
        return new Files(signing, tls);
    }

    record Files(Optional<SigningCredentials> signing, Optional<TlsIdentity> tls) {
    }
}
