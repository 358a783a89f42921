package io.callsign.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.callsign.config.ConfigProblem;
import io.callsign.config.SettingsLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcmeServiceTest {

    @TempDir
    Path dir;

    @Test
    void aCaFileWithoutCertificatesIsASettingProblemNotACrash() throws Exception {
        Path empty = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        Map<String, String> env = Map.of("ZTA_ACME_PROVIDER", "https://127.0.0.1:14000/dir",
                "ZTA_ACME_DOMAIN", "sti.example.com", "CALLSIGN_ACME_CA_FILE", empty.toString());

        assertThat(AcmeService.settingsCheck().problems(SettingsLoader.load(env).settings()))
                .extracting(ConfigProblem::key).containsExactly("CALLSIGN_ACME_CA_FILE");
        assertThat(AcmeService.settingsCheck().problems(SettingsLoader.load(Map.of()).settings())).isEmpty();
    }
}
