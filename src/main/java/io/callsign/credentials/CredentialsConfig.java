package io.callsign.credentials;

import io.callsign.config.HostPort;
import io.callsign.config.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the credentials feature needs from the settings.
 *
 * @param dataDir     lab files live in {@code <dataDir>/lab/} ({@code CALLSIGN_DATA_DIR})
 * @param signingKey  static signing key, PEM ({@code CALLSIGN_SIGNING_KEY}); present = static mode
 * @param signingCert static chain, PEM, leaf first ({@code CALLSIGN_SIGNING_CERT})
 * @param x5u         public URL of the static chain ({@code CALLSIGN_X5U})
 * @param tlsKey      HTTPS repository key, PEM ({@code CALLSIGN_TLS_KEY})
 * @param tlsCert     HTTPS repository chain, PEM ({@code CALLSIGN_TLS_CERT})
 * @param tlsListen   HTTPS repository address ({@code CALLSIGN_TLS_LISTEN}); empty = off
 * @param acme        ACME is configured ({@code ZTA_ACME_PROVIDER}) and will install credentials itself
 * @param tlsFromSigning the HTTPS listener presents the active signing certificate (ACME http-01/dns-01
 *                    issues a web certificate for the x5u host); false = {@code tlsKey}/{@code tlsCert} or lab
 * @param labSpc      SPC of the lab SHAKEN certificate ({@code CALLSIGN_LAB_SPC})
 * @param labHost     host name or IP in the lab x5u and TLS certificate ({@code CALLSIGN_LAB_HOST})
 */
public record CredentialsConfig(Path dataDir, Optional<Path> signingKey, Optional<Path> signingCert, Optional<URI> x5u,
        Optional<Path> tlsKey, Optional<Path> tlsCert, Optional<HostPort> tlsListen, boolean acme,
        boolean tlsFromSigning, String labSpc, String labHost) {

    public static CredentialsConfig from(Settings settings) {
        Settings.Credentials c = settings.credentials();
        boolean acme = settings.acme().enabled() && !c.staticConfigured();
        return new CredentialsConfig(settings.dataDir(), c.signingKey(), c.signingCert(), c.x5u(), c.tlsKey(),
                c.tlsCert(), c.tlsListen(), acme, acme && settings.acme().issuesWebCertificate() && c.tlsKey().isEmpty(),
                settings.stir().labSpc(), c.labHost());
    }

    /** Lab mode with the default SPC 1001, lab host 127.0.0.1 and HTTPS on 0.0.0.0:8443. */
    public static CredentialsConfig lab(Path dataDir) {
        return new CredentialsConfig(dataDir, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(new HostPort("0.0.0.0", 8443)), false, false, "1001", "127.0.0.1");
    }

    /** {@code static}, {@code acme} or {@code lab}: the value of {@link SigningCredentials#source()}. */
    public String source() {
        if (signingKey.isPresent()) {
            return StaticCredentialsLoader.SOURCE;
        }
        return acme ? "acme" : LabCertificateAuthority.SOURCE;
    }

    Path labDirectory() {
        return dataDir.resolve("lab");
    }
}
