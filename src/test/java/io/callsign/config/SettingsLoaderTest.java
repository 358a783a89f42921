package io.callsign.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsGiveAServiceOnPort8080WithEmbeddedDatabaseAndAutoAttestation() {
        Settings s = SettingsLoader.load(Map.of()).settings();
        assertThat(s.http().listen()).isEqualTo(new HostPort("0.0.0.0", 8080));
        assertThat(s.database().embedded()).isTrue();
        assertThat(s.stir().enabled()).isTrue();
        assertThat(s.stir().attestation()).isEqualTo("auto");
        assertThat(s.verification().iatMaxAgeSeconds()).isEqualTo(60);
        assertThat(s.verification().failure()).isEqualTo("continue");
        assertThat(s.credentials().tlsListen()).contains(new HostPort("0.0.0.0", 8443));
        assertThat(s.acme().enabled()).isFalse();
    }

    @Test
    void reportsEveryBadValueAtOnceNamingKeyValueAndFix() {
        Map<String, String> env = Map.of(
                "CALLSIGN_LISTEN", "8080",
                "SBC_ENABLE_STIR", "maybe",
                "SBC_STIR_ATTESTATION", "D",
                "CALLSIGN_IAT_MAX_AGE", "-5",
                "CALLSIGN_VERIFY_FAILURE", "drop",
                "CALLSIGN_X5U", "http://cert.example.net/c.pem",
                "ZTA_ACME_PROVIDER", "my-ca",
                "CALLSIGN_LISTNE", "0.0.0.0:1");
        assertThatThrownBy(() -> SettingsLoader.load(env))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    List<String> keys = e.problems().stream().map(ConfigProblem::key).toList();
                    assertThat(keys).contains("CALLSIGN_LISTEN", "SBC_ENABLE_STIR", "SBC_STIR_ATTESTATION",
                            "CALLSIGN_IAT_MAX_AGE", "CALLSIGN_VERIFY_FAILURE", "CALLSIGN_X5U", "ZTA_ACME_PROVIDER",
                            "ZTA_ACME_DOMAIN", "CALLSIGN_LISTNE");
                    assertThat(e.getMessage())
                            .contains("SBC_STIR_ATTESTATION='D': use one of A, B, C, auto")
                            .contains("SBC_ENABLE_STIR='maybe': use true or false")
                            .contains("CALLSIGN_IAT_MAX_AGE='-5': use a whole number from 1 to 86400")
                            .contains("did you mean CALLSIGN_LISTEN?");
                });
    }

    @Test
    void readsTheSeedsConfigMapKeysFromAMountedDirectory() throws IOException {
        Path configMap = Files.createDirectories(dir.resolve("config"));
        Files.writeString(configMap.resolve("sbc-enable-stir"), "false\n");
        Files.writeString(configMap.resolve("sbc-stir-attestation"), "B");
        Files.writeString(configMap.resolve("zta-acme-provider"), "letsencrypt");
        Files.writeString(configMap.resolve("zta-acme-domain"), "sti.example.net");
        // Kubernetes' own bookkeeping entries must be ignored.
        Files.createDirectories(configMap.resolve("..2026_11_30_00_00_00.000000001"));
        Files.writeString(configMap.resolve("..data"), "ignored");

        Settings s = SettingsLoader.load(Map.of("CALLSIGN_CONFIG_DIR", configMap.toString())).settings();

        assertThat(s.stir().enabled()).isFalse();
        assertThat(s.stir().attestation()).isEqualTo("B");
        assertThat(s.acme().provider()).contains("letsencrypt");
        assertThat(s.acme().domain()).contains("sti.example.net");
    }

    @Test
    void environmentOverridesThePropertiesFileWhichOverridesTheConfigMap() throws IOException {
        Path configMap = Files.createDirectories(dir.resolve("cm"));
        Files.writeString(configMap.resolve("sbc-stir-attestation"), "C");
        Files.writeString(configMap.resolve("CALLSIGN_IAT_MAX_AGE"), "30");
        Path file = Files.writeString(dir.resolve("callsign.properties"),
                "sbc.stir.attestation=B\nCALLSIGN_LISTEN=127.0.0.1:9000\n");
        Map<String, String> env = new HashMap<>();
        env.put("CALLSIGN_CONFIG_DIR", configMap.toString());
        env.put("CALLSIGN_CONFIG_FILE", file.toString());
        env.put("SBC_STIR_ATTESTATION", "A");

        Settings s = SettingsLoader.load(env).settings();

        assertThat(s.stir().attestation()).isEqualTo("A");
        assertThat(s.http().listen()).isEqualTo(new HostPort("127.0.0.1", 9000));
        assertThat(s.verification().iatMaxAgeSeconds()).isEqualTo(30);
    }

    @Test
    void masksSecretsInTheEffectiveConfiguration() {
        var loaded = SettingsLoader.load(Map.of(
                "CALLSIGN_DB_URL", "jdbc:postgresql://127.0.0.1:5432/callsign",
                "CALLSIGN_DB_PASSWORD", "hunter2",
                "CALLSIGN_PROVISIONING_TOKEN", "s3cret-token",
                "CALLSIGN_LISTEN", "127.0.0.1:9090"));
        assertThat(loaded.effectiveConfiguration())
                .contains("CALLSIGN_DB_PASSWORD=****")
                .contains("CALLSIGN_PROVISIONING_TOKEN=****")
                .doesNotContain("hunter2")
                .doesNotContain("s3cret-token")
                .contains("CALLSIGN_DB_URL=jdbc:postgresql://127.0.0.1:5432/callsign  [environment]")
                // EffectiveConfigurationShowsGivenValuesTest: a given value was once logged as "[default]".
                .contains("CALLSIGN_LISTEN=127.0.0.1:9090  [environment]");
        assertThat(loaded.settings().database().toString()).doesNotContain("hunter2");
    }

    @Test
    void reportsAMissingConfigDirectoryAndAnUnreadableFileTogether() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(
                "CALLSIGN_CONFIG_DIR", dir.resolve("absent").toString(),
                "CALLSIGN_CONFIG_FILE", dir.resolve("absent.properties").toString())))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::key)
                        .containsExactlyInAnyOrder("CALLSIGN_CONFIG_DIR", "CALLSIGN_CONFIG_FILE"));
    }

    @Test
    void labModeDefaultsToHttpsOn8443AndLabHost127001() {
        Settings.Credentials c = SettingsLoader.load(Map.of()).settings().credentials();
        assertThat(c.labHost()).isEqualTo("127.0.0.1");
        assertThat(c.tlsListen()).contains(new HostPort("0.0.0.0", 8443));
        assertThat(c.tlsKey()).isEmpty();
    }

    @Test
    void acceptsALabHostNameOrIpv6AndRefusesAUrlOrPort() {
        assertThat(SettingsLoader.load(Map.of("CALLSIGN_LAB_HOST", "sbc.lab.example")).settings().credentials().labHost())
                .isEqualTo("sbc.lab.example");
        assertThat(SettingsLoader.load(Map.of("CALLSIGN_LAB_HOST", "[::1]")).settings().credentials().labHost())
                .isEqualTo("::1");
        for (String bad : new String[] {"https://sbc.lab.example", "127.0.0.1:8443", "sbc lab"}) {
            assertThatThrownBy(() -> SettingsLoader.load(Map.of("CALLSIGN_LAB_HOST", bad)))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                            .extracting(ConfigProblem::key).containsExactly("CALLSIGN_LAB_HOST"));
        }
    }

    @Test
    void withTkauthAnExplicitHttpsListenerNeedsTheTlsKeyAndCertificate() throws IOException {
        Map<String, String> acme = new HashMap<>(Map.of(
                "ZTA_ACME_PROVIDER", "https://sti-ca.example.net/acme", "ZTA_ACME_DOMAIN", "sti.example.net",
                "CALLSIGN_ACME_TKAUTH_TOKEN_URL", "https://sti-pa.example.net/token", "CALLSIGN_ACME_TKAUTH_SPC", "1234"));
        assertThat(SettingsLoader.load(acme).settings().credentials().tlsListen()).isEmpty();

        acme.put("CALLSIGN_TLS_LISTEN", "0.0.0.0:8443");
        assertThatThrownBy(() -> SettingsLoader.load(acme))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::key).containsExactly("CALLSIGN_TLS_LISTEN"))
                .hasMessageContaining("not a web certificate")
                .hasMessageContaining("set CALLSIGN_TLS_KEY and CALLSIGN_TLS_CERT");

        acme.remove("CALLSIGN_TLS_LISTEN");
        acme.put("CALLSIGN_TLS_KEY", Files.writeString(dir.resolve("tls-key.pem"), "k").toString());
        acme.put("CALLSIGN_TLS_CERT", Files.writeString(dir.resolve("tls.pem"), "c").toString());
        Settings.Credentials c = SettingsLoader.load(acme).settings().credentials();
        assertThat(c.tlsListen()).contains(new HostPort("0.0.0.0", 8443));
        assertThat(c.tlsKey()).contains(dir.resolve("tls-key.pem"));

        acme.remove("CALLSIGN_TLS_CERT");
        assertThatThrownBy(() -> SettingsLoader.load(acme))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::key).containsExactly("CALLSIGN_TLS_CERT"));
    }

    @Test
    void withHttp01TheHttpsListenerIsOnByDefaultAndPresentsTheAcmeCertificate() {
        Settings s = SettingsLoader.load(Map.of("ZTA_ACME_PROVIDER", "letsencrypt", "ZTA_ACME_DOMAIN", "sti.example.net"))
                .settings();
        assertThat(s.credentials().tlsListen()).contains(new HostPort("0.0.0.0", 8443));
        assertThat(s.credentials().tlsKey()).isEmpty();
        assertThat(s.acme().issuesWebCertificate()).isTrue();
    }

    @Test
    void featureChecksAddTheirProblemsToTheSameReport() {
        SettingsCheck check = settings -> List.of(new ConfigProblem("CALLSIGN_SIGNING_CERT", "c.pem", "expired"));
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("SBC_STIR_ATTESTATION", "Z"), check))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::key).containsExactly("SBC_STIR_ATTESTATION", "CALLSIGN_SIGNING_CERT"));
    }
}
