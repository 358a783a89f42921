package io.callsign.signing;

import io.callsign.attestation.AttestationConfig;
import io.callsign.attestation.AttestationPolicy;
import io.callsign.credentials.ActiveCredentials;
import io.callsign.credentials.LabCertificateAuthority;
import io.callsign.numbers.NumberSnapshot;
import io.callsign.numbers.TrunkKind;
import io.callsign.ops.Metrics;
import io.callsign.passport.Es256;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** A signing service without a server or database: a fixed clock, an in-memory snapshot, lab credentials. */
final class SigningFixture {

    static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final URI X5U = URI.create("https://127.0.0.1:8443/.well-known/stir/cert.pem");

    static final NumberSnapshot VIEW = NumberSnapshot.builder()
            .subscriber("acct-42", "Acme", true)
            .user("alice@ims.local", "acct-42")
            .number("15145559876", "acct-42", true)
            .number("15145559877", "acct-42", false)
            .trunk("pstn-gw-1", TrunkKind.GATEWAY, null, "198.18.0.0/15")
            .build();

    private SigningFixture() {
    }

    /** The lab CA's SHAKEN credentials, issued at {@code clock}'s instant, published at {@link #X5U}. */
    static ActiveCredentials labCredentials(Path labDir, Clock clock) {
        LabCertificateAuthority lab = LabCertificateAuthority.open(labDir, "1001", "127.0.0.1", clock);
        ActiveCredentials active = new ActiveCredentials();
        active.install(lab.signingCredentials(X5U));
        return active;
    }

    static SigningService service(SigningConfig config, AttestationConfig attestation, ActiveCredentials credentials,
            Clock clock, Metrics metrics) {
        return new SigningService(config, new AttestationPolicy(attestation, clock), () -> VIEW, credentials,
                Es256.active(), clock, new SigningMetrics(metrics));
    }

    static SigningConfig enabled() {
        return new SigningConfig(true, "1", Duration.ofSeconds(60));
    }

    /** A request from alice (authenticated) calling 15145551234 from {@code from}. */
    static SignRequest fromAlice(String from) {
        return new SignRequest(from, null, null, "sip:+15145551234@ims.local", null, null, "call-1@ims.local",
                "192.0.2.10", "alice@ims.local", null, null, null, null, null);
    }
}
