package io.callsign.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ACME settings: defaults, every key, what goes together, and all problems in one report. */
class AcmeSettingsTest {

    @TempDir
    Path dir;

    private static Map<String, String> acme(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("ZTA_ACME_PROVIDER", "letsencrypt", "ZTA_ACME_DOMAIN", "sti.example.net"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static List<String> problemKeys(Map<String, String> env) {
        try {
            SettingsLoader.load(env);
            return List.of();
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::key).toList();
        }
    }

    @Test
    void defaultsAreHttp01WithRenewalAtTwoThirdsAndStateUnderTheDataDirectory() {
        Settings.Acme a = SettingsLoader.load(acme("CALLSIGN_DATA_DIR", "data")).settings().acme();
        assertThat(a.challenge()).isEqualTo("http-01");
        assertThat(a.stateDir()).isEqualTo(Path.of("data", "acme"));
        assertThat(a.perCertificateX5u()).isTrue();
        assertThat(a.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(a.dnsHookTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(a.renewal()).isEqualTo(new Settings.AcmeRenewal(true, 2.0 / 3, Duration.ofDays(7),
                Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(5)));
        assertThat(a.tkauth().fingerprint()).isEqualTo("jwk-thumbprint");
        assertThat(a.tkauth().encoding()).isEqualTo("base64url");
        assertThat(a.tkauth().field()).isEqualTo("tkauth");
    }

    @Test
    void readsEveryKeyWithDurationsInUnitsAndFractionsAsPercentages() throws IOException {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----");
        Settings.Acme a = SettingsLoader.load(acme(
                "ZTA_ACME_EMAIL", "noc@example.net", "ZTA_ACME_STAGING", "true",
                "CALLSIGN_ACME_CHALLENGE", "TKAUTH-01",
                "CALLSIGN_ACME_EAB_KID", "kid-1", "CALLSIGN_ACME_EAB_HMAC", "c2VjcmV0",
                "CALLSIGN_ACME_CA_FILE", ca.toString(),
                "CALLSIGN_ACME_TKAUTH_TOKEN_URL", "https://sti-pa.example.net/token",
                "CALLSIGN_ACME_TKAUTH_SPC", "1234", "CALLSIGN_ACME_TKAUTH_USER", "sp",
                "CALLSIGN_ACME_TKAUTH_PASSWORD", "pw", "CALLSIGN_ACME_TKAUTH_FINGERPRINT", "spki",
                "CALLSIGN_ACME_TKAUTH_ENCODING", "base64", "CALLSIGN_ACME_TKAUTH_FIELD", "atc",
                "CALLSIGN_ACME_ARI", "false", "CALLSIGN_ACME_RENEW_AT", "75%", "CALLSIGN_ACME_ALERT_BEFORE", "14d",
                "CALLSIGN_ACME_RETRY_MIN", "30s", "CALLSIGN_ACME_RETRY_MAX", "PT2H", "CALLSIGN_ACME_LEASE_TTL", "15m",
                "CALLSIGN_ACME_SYNC_INTERVAL", "60", "CALLSIGN_ACME_TIMEOUT", "90s",
                "CALLSIGN_ACME_DIR", dir.resolve("secret").toString(), "CALLSIGN_ACME_X5U_PER_CERT", "false"))
                .settings().acme();
        assertThat(a.email()).contains("noc@example.net");
        assertThat(a.staging()).isTrue();
        assertThat(a.challenge()).isEqualTo("tkauth-01");
        assertThat(a.eabKid()).contains("kid-1");
        assertThat(a.eabHmac()).contains("c2VjcmV0");
        assertThat(a.caFile()).contains(ca);
        assertThat(a.tkauth()).isEqualTo(new Settings.AcmeTkauth(java.util.Optional.of(URI.create("https://sti-pa.example.net/token")),
                java.util.Optional.of("1234"), java.util.Optional.of("sp"), java.util.Optional.of("pw"),
                java.util.Optional.empty(), "spki", "base64", "atc"));
        assertThat(a.renewal()).isEqualTo(new Settings.AcmeRenewal(false, 0.75, Duration.ofDays(14),
                Duration.ofSeconds(30), Duration.ofHours(2), Duration.ofMinutes(15), Duration.ofMinutes(1)));
        assertThat(a.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(a.stateDir()).isEqualTo(dir.resolve("secret"));
        assertThat(a.perCertificateX5u()).isFalse();
        assertThat(a.issuesWebCertificate()).isFalse();
    }

    @Test
    void theChallengeFollowsWhatIsConfigured() {
        assertThat(SettingsLoader.load(acme("CALLSIGN_ACME_DNS_HOOK", "/usr/local/bin/dns-hook --zone lab"))
                .settings().acme()).satisfies(a -> {
                    assertThat(a.challenge()).isEqualTo("dns-01");
                    assertThat(a.dnsHook()).containsExactly("/usr/local/bin/dns-hook", "--zone", "lab");
                });
        assertThat(SettingsLoader.load(acme("CALLSIGN_ACME_TKAUTH_TOKEN_URL", "https://sti-pa.example.net/t",
                "CALLSIGN_ACME_TKAUTH_SPC", "1234")).settings().acme().challenge()).isEqualTo("tkauth-01");
    }

    @Test
    void reportsEveryAcmeProblemAtOnceWithKeyValueAndFix() {
        Map<String, String> env = acme(
                "ZTA_ACME_DOMAIN", "https://sti.example.net", "ZTA_ACME_EMAIL", "noc",
                "CALLSIGN_ACME_CHALLENGE", "dns-01",
                "CALLSIGN_ACME_EAB_KID", "kid-only",
                "CALLSIGN_ACME_CA_FILE", dir.resolve("absent.pem").toString(),
                "CALLSIGN_ACME_TKAUTH_SPC", "12-34",
                "CALLSIGN_ACME_RENEW_AT", "1.5", "CALLSIGN_ACME_ALERT_BEFORE", "soon",
                "CALLSIGN_ACME_RETRY_MIN", "10m", "CALLSIGN_ACME_RETRY_MAX", "1m",
                "CALLSIGN_ACME_LEASE_TTL", "30s", "CALLSIGN_ACME_TIMEOUT", "1m");
        assertThatThrownBy(() -> SettingsLoader.load(env))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                                "ZTA_ACME_DOMAIN", "ZTA_ACME_EMAIL", "CALLSIGN_ACME_EAB_HMAC", "CALLSIGN_ACME_CA_FILE",
                                "CALLSIGN_ACME_DNS_HOOK", "CALLSIGN_ACME_TKAUTH_SPC", "CALLSIGN_ACME_CHALLENGE",
                                "CALLSIGN_ACME_RENEW_AT", "CALLSIGN_ACME_ALERT_BEFORE", "CALLSIGN_ACME_RETRY_MAX",
                                "CALLSIGN_ACME_LEASE_TTL"))
                .hasMessageContaining("CALLSIGN_ACME_RENEW_AT='1.5': use a fraction between 0 and 1")
                .hasMessageContaining("CALLSIGN_ACME_ALERT_BEFORE='soon': use a duration from 0s to 365d")
                .hasMessageContaining("CALLSIGN_ACME_DNS_HOOK is missing: dns-01 needs a command")
                .hasMessageContaining("CALLSIGN_ACME_LEASE_TTL='30s': make it longer than CALLSIGN_ACME_TIMEOUT (1m)");
    }

    @Test
    void tkauthNeedsTheTokenUrlAndSpcAndBasicAuthGoesInPairs() {
        assertThat(problemKeys(acme("CALLSIGN_ACME_CHALLENGE", "tkauth-01", "CALLSIGN_ACME_TKAUTH_USER", "sp")))
                .containsExactlyInAnyOrder("CALLSIGN_ACME_TKAUTH_TOKEN_URL", "CALLSIGN_ACME_TKAUTH_SPC",
                        "CALLSIGN_ACME_TKAUTH_PASSWORD");
        assertThat(problemKeys(acme("CALLSIGN_ACME_TKAUTH_TOKEN_URL", "http://sti-pa.example.net/t",
                "CALLSIGN_ACME_TKAUTH_SPC", "1234"))).containsExactly("CALLSIGN_ACME_TKAUTH_TOKEN_URL");
    }

    @Test
    void staticCredentialsAndAcmeTogetherAreRefusedButAnX5uAloneNamesTheAcmeUrl() throws IOException {
        Path key = Files.writeString(dir.resolve("key.pem"), "k");
        Path cert = Files.writeString(dir.resolve("cert.pem"), "c");
        assertThat(problemKeys(acme("CALLSIGN_SIGNING_KEY", key.toString(), "CALLSIGN_SIGNING_CERT", cert.toString(),
                "CALLSIGN_X5U", "https://sti.example.net/c.pem"))).containsExactly("ZTA_ACME_PROVIDER");

        Settings s = SettingsLoader.load(acme("CALLSIGN_X5U", "https://cdn.example.net/stir/sbc.pem")).settings();
        assertThat(s.credentials().x5u()).contains(URI.create("https://cdn.example.net/stir/sbc.pem"));
        assertThat(s.credentials().staticConfigured()).isFalse();
        assertThat(problemKeys(Map.of("CALLSIGN_X5U", "https://sti.example.net/c.pem")))
                .containsExactlyInAnyOrder("CALLSIGN_SIGNING_KEY", "CALLSIGN_SIGNING_CERT");
    }

    @Test
    void acmeKeysWithoutAProviderAreReportedAsHavingNoEffect() {
        assertThat(problemKeys(Map.of("CALLSIGN_ACME_CHALLENGE", "dns-01", "CALLSIGN_ACME_DNS_HOOK", "/bin/true")))
                .contains("CALLSIGN_ACME_CHALLENGE", "CALLSIGN_ACME_DNS_HOOK");
        // the design's own keys may stay in a shared ConfigMap while ACME is off
        assertThat(problemKeys(Map.of("ZTA_ACME_DOMAIN", "sti.example.net", "ZTA_ACME_EMAIL", "noc@example.net")))
                .isEmpty();
    }

    @Test
    void theStateDirectoryMustBeADirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThat(problemKeys(acme("CALLSIGN_ACME_DIR", file.toString()))).containsExactly("CALLSIGN_ACME_DIR");
    }

    @Test
    void secretsAreMaskedInTheEffectiveConfigurationAndInToString() {
        var loaded = SettingsLoader.load(acme("CALLSIGN_ACME_EAB_KID", "kid-1", "CALLSIGN_ACME_EAB_HMAC", "hmac-secret",
                "CALLSIGN_ACME_CHALLENGE", "tkauth-01", "CALLSIGN_ACME_TKAUTH_TOKEN_URL", "https://sti-pa.example.net/t",
                "CALLSIGN_ACME_TKAUTH_SPC", "1234", "CALLSIGN_ACME_TKAUTH_BEARER_TOKEN", "bearer-secret"));
        assertThat(loaded.effectiveConfiguration()).contains("CALLSIGN_ACME_EAB_HMAC=****")
                .contains("CALLSIGN_ACME_TKAUTH_BEARER_TOKEN=****").contains("CALLSIGN_ACME_RETRY_MIN=1m  [default]")
                .doesNotContain("hmac-secret").doesNotContain("bearer-secret");
        assertThat(loaded.settings().acme().toString()).doesNotContain("hmac-secret").doesNotContain("bearer-secret");
    }
}
