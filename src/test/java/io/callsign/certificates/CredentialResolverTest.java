package io.callsign.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Production wiring and settings validation, without any network. */
class CredentialResolverTest {

    @TempDir
    Path dir;

    @Test
    void createWiresTheDefaultsAndRefusesBadUrlsWithoutNetwork() {
        TestPki pki = TestPki.create();
        Path anchors = pki.writeRoot(dir.resolve("anchors.pem"));
        CertificatesConfig config = CertificatesConfig.defaults().toBuilder().trustAnchors(anchors)
                .httpsCaFile(pki.writeRoot(dir.resolve("https-ca.pem"))).build();

        try (CredentialResolver resolver = CredentialResolver.create(config,
                TrustAnchors.load(config.trustAnchors()), Clock.fixed(TestPki.NOW, ZoneOffset.UTC))) {
            Resolution resolution = resolver.resolve("http://x5u.example/c.pem");

            assertThat(resolution).isInstanceOfSatisfying(Resolution.Failed.class, f -> {
                assertThat(f.kind().sipCode()).isEqualTo(436);
                assertThat(f.kind().sipReason()).isEqualTo("Bad Identity Info");
            });
            assertThat(resolver.stats().failures(FailureKind.FETCH_FAILED)).isEqualTo(1);
        }
    }

    @Test
    void anUnreadableHttpsCaFileIsAConfigurationErrorNamingTheKey() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "nothing here");

        assertThatThrownBy(() -> HttpsTrust.context(Optional.of(junk))).hasMessageContaining("CALLSIGN_HTTPS_CA");
    }

    @Test
    void settingsErrorsAreReportedTogetherWithTheirKeys() {
        CertificatesConfig.Builder bad = CertificatesConfig.defaults().toBuilder().x5uPorts(Set.of(0, 443))
                .fetchTimeout(Duration.ZERO).maxBytes(10).staleGrace(Duration.ofSeconds(-1));

        assertThatThrownBy(bad::build).hasMessageContaining("CALLSIGN_X5U_PORTS").hasMessageContaining("CALLSIGN_X5U_TIMEOUT_MS")
                .hasMessageContaining("CALLSIGN_X5U_MAX_BYTES").hasMessageContaining("CALLSIGN_X5U_STALE_S");
    }

    @Test
    void defaultsMatchTheProfile() {
        CertificatesConfig defaults = CertificatesConfig.defaults();

        assertThat(defaults.x5uPorts()).containsExactlyInAnyOrder(443, 8443);
        assertThat(defaults.minTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.maxBytes()).isEqualTo(65536);
        assertThat(defaults.maxChainLength()).isEqualTo(5);
        assertThat(defaults.x5uAllow()).isEqualTo(List.of());
        assertThat(defaults.crlCheck()).isEqualTo(CertificatesConfig.CrlCheck.OPEN);
        assertThat(defaults.profile()).isEqualTo(CertificatesConfig.Profile.WARN);
    }
}
