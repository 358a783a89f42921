package io.callsign.signing;

import static io.callsign.signing.SigningFixture.CLOCK;
import static io.callsign.signing.SigningFixture.fromAlice;
import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.attestation.AttestationConfig;
import io.callsign.credentials.ActiveCredentials;
import io.callsign.credentials.SigningCredentials;
import io.callsign.ops.Metrics;
import io.callsign.passport.Es256;
import io.callsign.passport.IdentityHeaderCodec;
import io.callsign.passport.PassportCodec;
import io.callsign.passport.ShakenClaims;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-credentials cache gives exactly what the passport codecs give, and follows rotations. */
class PreparedCredentialsTest {

    @TempDir
    Path labDir;

    @Test
    void theIdentityIsTheCodecsHeaderPayloadAndTailWithAValidSignature() {
        SigningCredentials credentials = SigningFixture.labCredentials(labDir, CLOCK).current().orElseThrow();
        ShakenClaims claims = new ShakenClaims("A", List.of("15145551234", "15145550000"), 1_796_000_000L, "15145559876",
                "123e4567-e89b-12d3-a456-426655440000");

        String identity = PreparedCredentials.of(credentials, Es256.active()).identity(claims);
        String reference = IdentityHeaderCodec.format(PassportCodec.sign(claims, credentials.x5u(), credentials.key()),
                credentials.x5u());

        IdentityParts ours = IdentityParts.of(identity);
        IdentityParts theirs = IdentityParts.of(reference);
        assertThat(ours.header()).isEqualTo(theirs.header());
        assertThat(ours.payload()).isEqualTo(theirs.payload());
        assertThat(ours.params()).isEqualTo(theirs.params());
        assertThat(Es256.active().verify(credentials.leaf().getPublicKey(), ours.signingInput(), ours.signature())).isTrue();
        assertThat(PassportCodec.decode(ours.token()).claims()).isEqualTo(claims);
    }

    @Test
    void aRotationIsPickedUpByTheNextCall() {
        ActiveCredentials active = SigningFixture.labCredentials(labDir.resolve("first"), CLOCK);
        SigningService service = SigningFixture.service(SigningFixture.enabled(), AttestationConfig.defaults(), active,
                CLOCK, new Metrics());
        String before = service.sign(fromAlice("tel:+15145559876")).identity();

        URI rotatedX5u = URI.create("https://127.0.0.1:8443/rotated/cert.pem");
        SigningCredentials next = SigningFixture.labCredentials(labDir.resolve("second"), CLOCK).current().orElseThrow();
        active.install(new SigningCredentials(next.key(), next.chain(), rotatedX5u, "lab"));
        IdentityParts after = IdentityParts.of(service.sign(fromAlice("tel:+15145559876")).identity());

        assertThat(before).contains(";info=<" + SigningFixture.X5U + ">");
        assertThat(after.params()).isEqualTo(";info=<" + rotatedX5u + ">;alg=ES256;ppt=shaken");
        assertThat(after.header()).contains("\"x5u\":\"" + rotatedX5u + "\"");
        assertThat(Es256.active().verify(next.leaf().getPublicKey(), after.signingInput(), after.signature())).isTrue();
    }
}
