package io.callsign.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class AcmeConfigTest {

    @Test
    void providerNamesMapToDirectories() {
        assertThat(AcmeConfig.directoryFor("letsencrypt", false))
                .isEqualTo(URI.create("https://acme-v02.api.letsencrypt.org/directory"));
        assertThat(AcmeConfig.directoryFor("LetsEncrypt", true))
                .isEqualTo(URI.create("https://acme-staging-v02.api.letsencrypt.org/directory"));
        assertThat(AcmeConfig.directoryFor("zerossl", false)).isEqualTo(URI.create("https://acme.zerossl.com/v2/DV90"));
        assertThat(AcmeConfig.directoryFor("https://sti-ca.example/acme/directory", true))
                .isEqualTo(URI.create("https://sti-ca.example/acme/directory"));
    }

    @Test
    void unknownProviderNamesTheSettingAndTheChoices() {
        assertThatThrownBy(() -> AcmeConfig.directoryFor("http://ca.example/dir", false))
                .hasMessageContaining("ZTA_ACME_PROVIDER").hasMessageContaining("letsencrypt, zerossl");
    }

    @Test
    void x5uDefaultsToTheWellKnownPathOfTheDomain() {
        AcmeConfig config = AcmeConfig.of(AcmeConfig.LETSENCRYPT, "sti.example.com");
        assertThat(config.x5u()).isEqualTo(URI.create("https://sti.example.com/.well-known/stir/cert.pem"));
        assertThat(AcmeConfig.x5uFor("sti.example.com", 8443))
                .isEqualTo(URI.create("https://sti.example.com:8443/.well-known/stir/cert.pem"));
        assertThat(config.challenge()).isEqualTo(ChallengeMethod.HTTP_01);
        assertThat(config.renewal().renewAtFraction()).isEqualTo(2.0 / 3);
    }

    @Test
    void rejectsABadDomainWithTheSettingName() {
        assertThatThrownBy(() -> AcmeConfig.of(AcmeConfig.LETSENCRYPT, "not a domain"))
                .hasMessageContaining("ZTA_ACME_DOMAIN").hasMessageContaining("not a domain");
    }

    @Test
    void dns01WithoutAHookIsRefused() {
        AcmeConfig config = AcmeConfig.of(AcmeConfig.LETSENCRYPT, "sti.example.com");
        assertThatThrownBy(() -> config.withDnsHook(List.of(), Duration.ofSeconds(5)))
                .hasMessageContaining("CALLSIGN_ACME_DNS_HOOK");
    }

    @Test
    void tkauthNeedsHttpsForTheTokenApi() {
        assertThatThrownBy(() -> TkauthSettings.of(URI.create("http://sti-pa.example/token"), "1234"))
                .hasMessageContaining("CALLSIGN_ACME_TKAUTH_TOKEN_URL");
    }

    @Test
    void secretsStayOutOfToString() {
        TkauthSettings tkauth = TkauthSettings.of(URI.create("https://sti-pa.example/token"), "1234")
                .withBasicAuth("carrier", "s3cret-password").withBearerToken("bearer-secret");
        ExternalAccountBinding eab = new ExternalAccountBinding("kid-1", "hmac-secret");
        assertThat(tkauth.toString()).doesNotContain("s3cret-password").doesNotContain("bearer-secret");
        assertThat(eab.toString()).doesNotContain("hmac-secret");
    }

    @Test
    void backoffDoublesUpToTheBound() {
        RenewalPolicy policy = new RenewalPolicy(true, 2.0 / 3, Duration.ofDays(7), Duration.ofMinutes(1),
                Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(5));
        assertThat(List.of(policy.backoff(1), policy.backoff(2), policy.backoff(3), policy.backoff(4),
                policy.backoff(30))).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(4), Duration.ofMinutes(5), Duration.ofMinutes(5));
    }

    @Test
    void renewAtMustBeAFraction() {
        assertThatThrownBy(() -> new RenewalPolicy(true, 1.5, Duration.ofDays(7), Duration.ofMinutes(1),
                Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(5)))
                .hasMessageContaining("CALLSIGN_ACME_RENEW_AT").hasMessageContaining("1.5");
    }

    @Test
    void fromSettingsMapsEveryAcmeKey() {
        io.callsign.config.Settings settings = io.callsign.config.SettingsLoader.load(java.util.Map.ofEntries(
                java.util.Map.entry("ZTA_ACME_PROVIDER", "letsencrypt"), java.util.Map.entry("ZTA_ACME_STAGING", "yes"),
                java.util.Map.entry("ZTA_ACME_DOMAIN", "sti.example.com"),
                java.util.Map.entry("ZTA_ACME_EMAIL", "noc@example.com"),
                java.util.Map.entry("CALLSIGN_X5U", "https://sti.example.com:8443/.well-known/stir/cert.pem"),
                java.util.Map.entry("CALLSIGN_ACME_EAB_KID", "kid"), java.util.Map.entry("CALLSIGN_ACME_EAB_HMAC", "mac"),
                java.util.Map.entry("CALLSIGN_ACME_TKAUTH_TOKEN_URL", "https://sti-pa.example/token"),
                java.util.Map.entry("CALLSIGN_ACME_TKAUTH_SPC", "1234"),
                java.util.Map.entry("CALLSIGN_ACME_TKAUTH_BEARER_TOKEN", "bearer"),
                java.util.Map.entry("CALLSIGN_ACME_TKAUTH_FINGERPRINT", "spki"),
                java.util.Map.entry("CALLSIGN_ACME_TKAUTH_ENCODING", "base64"),
                java.util.Map.entry("CALLSIGN_ACME_TKAUTH_FIELD", "atc"),
                java.util.Map.entry("CALLSIGN_ACME_RENEW_AT", "0.5"), java.util.Map.entry("CALLSIGN_ACME_ARI", "off"),
                java.util.Map.entry("CALLSIGN_ACME_RETRY_MIN", "5s"), java.util.Map.entry("CALLSIGN_ACME_TIMEOUT", "45s")))
                .settings();

        AcmeConfig config = AcmeConfig.from(settings);

        assertThat(config.directory()).isEqualTo(AcmeConfig.LETSENCRYPT_STAGING);
        assertThat(config.domain()).isEqualTo("sti.example.com");
        assertThat(config.email()).isEqualTo("noc@example.com");
        assertThat(config.x5u()).isEqualTo(URI.create("https://sti.example.com:8443/.well-known/stir/cert.pem"));
        assertThat(config.eab()).isEqualTo(new ExternalAccountBinding("kid", "mac"));
        assertThat(config.challenge()).isEqualTo(ChallengeMethod.TKAUTH_01);
        assertThat(config.tkauth()).isEqualTo(TkauthSettings.of(URI.create("https://sti-pa.example/token"), "1234")
                .withBearerToken("bearer").withProfile(TkauthSettings.FingerprintForm.SPKI,
                        TkauthSettings.IdentifierEncoding.BASE64, TkauthSettings.ResponseField.ATC));
        assertThat(config.renewal().useAri()).isFalse();
        assertThat(config.renewal().renewAtFraction()).isEqualTo(0.5);
        assertThat(config.renewal().minBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.trustedCa()).isNull();
    }

    @Test
    void fromSettingsDefaultsTheX5uToTheDomainOnPort443() {
        AcmeConfig config = AcmeConfig.from(io.callsign.config.SettingsLoader.load(java.util.Map.of(
                "ZTA_ACME_PROVIDER", "https://ca.example.net/dir", "ZTA_ACME_DOMAIN", "sti.example.com",
                "CALLSIGN_ACME_DNS_HOOK", "/usr/local/bin/hook present")).settings());
        assertThat(config.x5u()).isEqualTo(URI.create("https://sti.example.com/.well-known/stir/cert.pem"));
        assertThat(config.challenge()).isEqualTo(ChallengeMethod.DNS_01);
        assertThat(config.dnsHook()).containsExactly("/usr/local/bin/hook", "present");
    }
}
