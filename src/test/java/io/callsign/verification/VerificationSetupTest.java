package io.callsign.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callsign.certificates.CertificatesConfig;
import io.callsign.certificates.FailureKind;
import io.callsign.certificates.Resolution;
import io.callsign.config.ConfigException;
import io.callsign.config.ConfigProblem;
import io.callsign.config.Settings;
import io.callsign.config.SettingsLoader;
import io.callsign.credentials.CredentialsSetup;
import io.callsign.http.JsonBodies;
import io.callsign.rpc.RpcProblem;
import io.callsign.ops.Metrics;
import io.callsign.passport.Es256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier's settings, their mapping onto both configurations, lab routing and RPC params. */
class VerificationSetupTest {

    @Test
    void defaultsGiveTheDocumentedPolicy() {
        Settings settings = SettingsLoader.load(Map.of()).settings();

        assertThat(VerificationConfig.from(settings)).isEqualTo(VerificationConfig.defaults());
        CertificatesConfig certificates = VerificationSetup.certificatesConfig(settings);
        assertThat(certificates).isEqualTo(CertificatesConfig.defaults());
    }

    @Test
    void everyVerificationKeyIsRead() {
        Map<String, String> env = Map.ofEntries(
                Map.entry("CALLSIGN_IAT_MAX_AGE", "15"), Map.entry("CALLSIGN_VERIFY_FAILURE", "reject"),
                Map.entry("CALLSIGN_VERIFY_PROFILE", "strict"), Map.entry("CALLSIGN_REQUIRE_DATE", "true"),
                Map.entry("CALLSIGN_REQUIRE_IDENTITY", "yes"), Map.entry("CALLSIGN_REPLAY", "reject"),
                Map.entry("CALLSIGN_REPLAY_CACHE_SIZE", "500"), Map.entry("CALLSIGN_REASON_PROTOCOL", "stir"),
                Map.entry("CALLSIGN_VERSTAT_URI", "pai-or-from"), Map.entry("CALLSIGN_DEFAULT_COUNTRY_CODE", "33"),
                Map.entry("CALLSIGN_X5U_PORTS", "443, 9443"), Map.entry("CALLSIGN_X5U_TIMEOUT_MS", "1500"),
                Map.entry("CALLSIGN_X5U_MAX_BYTES", "32768"), Map.entry("CALLSIGN_X5U_MAX_CHAIN", "3"),
                Map.entry("CALLSIGN_X5U_CACHE_SIZE", "99"), Map.entry("CALLSIGN_X5U_MIN_TTL_S", "600"),
                Map.entry("CALLSIGN_X5U_NEGATIVE_TTL_MS", "5000"), Map.entry("CALLSIGN_X5U_STALE_S", "0"),
                Map.entry("CALLSIGN_X5U_MAX_FETCHES", "4"), Map.entry("CALLSIGN_CERT_PROFILE", "strict"),
                Map.entry("CALLSIGN_CRL_CHECK", "closed"), Map.entry("CALLSIGN_CRL_MAX_BYTES", "2048"),
                Map.entry("CALLSIGN_CRL_MAX_TTL_S", "7200"), Map.entry("CALLSIGN_TRUST_ANCHORS_CHECK_S", "30"),
                Map.entry("CALLSIGN_X5U_ALLOW", "10.1.0.0/16, sti.lab"));
        Settings settings = SettingsLoader.load(env).settings();

        assertThat(VerificationConfig.from(settings)).isEqualTo(new VerificationConfig(Duration.ofSeconds(15),
                VerificationConfig.Failure.REJECT, VerificationConfig.Profile.STRICT, true, true,
                VerificationConfig.Replay.REJECT, 500, VerificationConfig.ReasonProtocol.STIR,
                VerificationConfig.VerstatUri.PAI_OR_FROM, "33"));
        CertificatesConfig c = VerificationSetup.certificatesConfig(settings);
        assertThat(c.x5uPorts()).containsExactlyInAnyOrder(443, 9443);
        assertThat(c.x5uAllow()).containsExactly("10.1.0.0/16", "sti.lab");
        assertThat(c.fetchTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.maxBytes()).isEqualTo(32768);
        assertThat(c.maxChainLength()).isEqualTo(3);
        assertThat(c.cacheMaxEntries()).isEqualTo(99);
        assertThat(c.minTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.negativeTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.staleGrace()).isZero();
        assertThat(c.maxConcurrentFetches()).isEqualTo(4);
        assertThat(c.profile()).isEqualTo(CertificatesConfig.Profile.STRICT);
        assertThat(c.crlCheck()).isEqualTo(CertificatesConfig.CrlCheck.CLOSED);
        assertThat(c.crlMaxBytes()).isEqualTo(2048);
        assertThat(c.crlMaxTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(c.anchorsCheckInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void badVerificationValuesAreReportedTogether() {
        Map<String, String> env = Map.of("CALLSIGN_VERIFY_PROFILE", "man", "CALLSIGN_REPLAY", "maybe",
                "CALLSIGN_REASON_PROTOCOL", "Q850", "CALLSIGN_X5U_PORTS", "443,https", "CALLSIGN_CRL_CHECK", "sometimes",
                "CALLSIGN_X5U_TIMEOUT_MS", "5");

        assertThatThrownBy(() -> SettingsLoader.load(env)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).extracting(ConfigProblem::key).contains("CALLSIGN_VERIFY_PROFILE",
                        "CALLSIGN_REPLAY", "CALLSIGN_REASON_PROTOCOL", "CALLSIGN_X5U_PORTS", "CALLSIGN_CRL_CHECK",
                        "CALLSIGN_X5U_TIMEOUT_MS"));
    }

    @Test
    void anUnreadableTrustAnchorFileIsASettingProblemNotACrash(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("roots.pem"), "not a certificate");
        Settings settings = SettingsLoader.load(Map.of("CALLSIGN_TRUST_ANCHORS", broken.toString())).settings();

        assertThatThrownBy(() -> VerificationSetup.start(settings, Optional.empty(), new Metrics(),
                Es256.active(), Fixture.clock()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p.key()).isEqualTo("CALLSIGN_TRUST_ANCHORS")));
    }

    @Test
    void theLabResolverAcceptsAnyPortOnTheLabHostOnlyAndSkipsCrls() {
        CredentialsSetup.LabTrust lab = new CredentialsSetup.LabTrust(Fixture.PKI.root().certificate(), "127.0.0.1");
        CertificatesConfig production = CertificatesConfig.defaults().toBuilder().x5uAllow(List.of("sti.lab")).build();

        CertificatesConfig labConfig = VerificationSetup.labConfig(production, lab);

        assertThat(labConfig.x5uPorts()).isEmpty();
        assertThat(labConfig.x5uAllow()).containsExactlyInAnyOrder("sti.lab", "127.0.0.1");
        assertThat(labConfig.crlCheck()).isEqualTo(CertificatesConfig.CrlCheck.OFF);
        assertThat(production.x5uPorts()).isEqualTo(Set.of(443, 8443));
    }

    @Test
    void labRoutingSendsOnlyTheLabHostToTheLabResolver() {
        Resolution lab = new Resolution.Failed(FailureKind.UNTRUSTED, "lab");
        Resolution production = new Resolution.Failed(FailureKind.UNTRUSTED, "production");
        LabRouting v4 = new LabRouting("127.0.0.1", (u, t) -> lab, (u, t) -> production);
        LabRouting v6 = new LabRouting("[::1]", (u, t) -> lab, (u, t) -> production);
        LabRouting named = new LabRouting("SBC.Lab.example", (u, t) -> lab, (u, t) -> production);
        Instant now = Instant.now();

        assertThat(v4.resolve("https://127.0.0.1:40123/.well-known/stir/cert.pem", now)).isSameAs(lab);
        assertThat(v4.resolve("https://127.0.0.2:40123/cert.pem", now)).isSameAs(production);
        assertThat(v4.resolve("https://127.0.0.1.evil.example/cert.pem", now)).isSameAs(production);
        assertThat(v4.resolve("not a url", now)).isSameAs(production);
        assertThat(v6.resolve("https://[::1]:8443/cert.pem", now)).isSameAs(lab);
        assertThat(named.resolve("https://sbc.lab.EXAMPLE/cert.pem", now)).isSameAs(lab);
        // The remembered last answer never leaks to another URL, in either direction.
        for (int i = 0; i < 3; i++) {
            assertThat(v4.resolve("https://127.0.0.1:40123/.well-known/stir/cert.pem", now)).isSameAs(lab);
            assertThat(v4.resolve("https://127.0.0.2:40123/cert.pem", now)).isSameAs(production);
        }
    }

    @Test
    void rpcParamsAreTheRequestObjectOrAnArrayHoldingIt() throws Exception {
        var object = JsonBodies.MAPPER.readTree("{\"identity\":\"x\",\"from\":\"tel:+1\"}");
        var array = JsonBodies.MAPPER.readTree("[{\"identity\":[\"x\"]}]");

        assertThat(VerificationSetup.params(object).identity()).containsExactly("x");
        assertThat(VerificationSetup.params(array).identity()).containsExactly("x");
        assertThatThrownBy(() -> VerificationSetup.params(JsonBodies.MAPPER.nullNode()))
                .isInstanceOfSatisfying(RpcProblem.class, p -> assertThat(p.code()).isEqualTo(RpcProblem.INVALID_PARAMS));
        assertThatThrownBy(() -> VerificationSetup.params(JsonBodies.MAPPER.readTree("{\"to\":{\"a\":1}}")))
                .isInstanceOf(RpcProblem.class).hasMessageContaining("field 'to'");
    }
}
