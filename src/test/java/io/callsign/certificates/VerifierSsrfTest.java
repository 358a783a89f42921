package io.callsign.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.ops.Metrics;
import io.callsign.passport.IdentityHeaderCodec;
import io.callsign.passport.PassportCodec;
import io.callsign.passport.ShakenClaims;
import io.callsign.verification.VerificationConfig;
import io.callsign.verification.VerificationService;
import io.callsign.verification.VerifyRequest;
import io.callsign.verification.VerifyResponse;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * X5U-07 / RFC 8725 §3.10 through the verifier: an x5u that names or resolves to a private or
 * link-local address gives 436 and no connection is ever attempted. The name resolver is scripted and
 * the connector counts attempts (and refuses anything but loopback), so nothing can leave the host.
 */
class VerifierSsrfTest {

    private static final TestPki PKI = TestPki.create();

    private final Loopback.CountingConnector connector = new Loopback.CountingConnector();
    private CredentialResolver resolver;

    @AfterEach
    void close() {
        resolver.close();
    }

    private VerifyResponse verify(String x5u, NameResolver names) {
        CertificatesConfig config = CertificatesConfig.defaults();
        SSLSocketFactory tls = (SSLSocketFactory) SSLSocketFactory.getDefault();
        AddressGuard guard = AddressGuard.allowing(config.x5uAllow());
        resolver = new CredentialResolver(config, TrustAnchors.of(List.of(PKI.root().certificate())),
                Clock.fixed(TestPki.NOW, ZoneOffset.UTC),
                new X5uFetcher(X5uFetcher.Rules.x5u(config), guard, names, connector, tls),
                new X5uFetcher(X5uFetcher.Rules.crl(config), guard, names, connector, tls), false);
        VerificationService service = new VerificationService(VerificationConfig.defaults(), resolver::resolve,
                Clock.fixed(TestPki.NOW, ZoneOffset.UTC), new Metrics());
        ShakenClaims claims = new ShakenClaims("A", List.of("15145551234"), TestPki.NOW.getEpochSecond(), "15145559876",
                "123e4567-e89b-12d3-a456-426655440000");
        String identity = IdentityHeaderCodec.format(PassportCodec.sign(claims, URI.create(x5u), PKI.leaf().privateKey()),
                URI.create(x5u));
        return service.verify(new VerifyRequest(List.of(identity), "tel:+15145559876", null, "tel:+15145551234", null,
                null, "c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.0.0.5/cert.pem", "https://169.254.169.254/latest/cert.pem",
            "https://[fc00::1]/cert.pem", "https://127.0.0.1/cert.pem"})
    void x5u07AnX5uNamingAPrivateAddressIs436WithoutAnyConnection(String x5u) {
        VerifyResponse response = verify(x5u, Loopback.resolver());

        assertThat(response.verstat()).isEqualTo("TN-Validation-Failed");
        assertThat(response.results()).singleElement().satisfies(r -> assertThat(r.code()).isEqualTo(436));
        assertThat(response.detail()).contains("special-purpose address");
        assertThat(connector.attempts).isEmpty();
    }

    @Test
    void x5u07AHostNameResolvingToTheMetadataAddressIs436WithoutAnyConnection() throws Exception {
        InetAddress metadata = InetAddress.getByAddress(new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254});
        Loopback.ScriptedResolver names = new Loopback.ScriptedResolver(List.of(metadata));

        VerifyResponse response = verify("https://sti.example.com/cert.pem", names);

        assertThat(response.results()).singleElement().satisfies(r -> assertThat(r.code()).isEqualTo(436));
        assertThat(response.detail()).contains("169.254.169.254");
        assertThat(names.calls).hasValue(1);
        assertThat(connector.attempts).isEmpty();
    }
}
