package io.callsign.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callsign.config.ConfigException;
import io.callsign.config.ConfigProblem;
import io.callsign.config.HostPort;
import io.callsign.config.SettingsLoader;
import io.callsign.ops.ReadinessCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsSetupTest {

    private static final Clock CLOCK = Clock.fixed(TestPki.NOW, ZoneOffset.UTC);
    private static final URI X5U = URI.create("https://cert.example.net/.well-known/stir/cert.pem");

    @TempDir
    Path dir;
    private final ActiveCredentials active = new ActiveCredentials();

    private CredentialsConfig lab() {
        return withTls(CredentialsConfig.lab(dir), Optional.of(new HostPort("127.0.0.1", 0)));
    }

    @Test
    void labModeServesHttpsAndNamesTheBoundPortInTheX5u() {
        CredentialsSetup setup = CredentialsSetup.prepare(lab(), active, CLOCK);
        assertThat(setup.httpsListeners()).singleElement()
                .satisfies(l -> assertThat(l.address()).isEqualTo(new HostPort("127.0.0.1", 0)));
        assertThat(active.current()).isEmpty();

        setup.activate(OptionalInt.of(45_678));

        SigningCredentials installed = active.current().orElseThrow();
        assertThat(installed.source()).isEqualTo("lab");
        assertThat(installed.x5u()).hasToString("https://127.0.0.1:45678/.well-known/stir/cert.pem");
        assertThat(setup.tlsPort()).hasValue(45_678);
        assertThat(setup.labTrust()).hasValueSatisfying(trust -> {
            assertThat(trust.root()).isEqualTo(installed.chain().get(1));
            assertThat(trust.host()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void readinessIsDownUntilInstalledThenShowsSubjectSourceAndDaysLeftThenDownWhenExpired() {
        CredentialsSetup setup = CredentialsSetup.prepare(lab(), active, CLOCK);
        assertThat(setup.readiness().check()).isEqualTo(ReadinessCheck.Status.failing(
                "no signing credentials installed yet (source: lab)"));
        setup.activate(OptionalInt.of(8443));
        ReadinessCheck.Status up = setup.readiness().check();
        assertThat(up.ready()).isTrue();
        assertThat(up.detail()).startsWith("CN=SHAKEN 1001,O=Callsign Lab,C=US (lab), notAfter ").endsWith(", 365 days left");

        Clock later = Clock.offset(CLOCK, Duration.ofDays(400));
        assertThat(new CredentialsReadiness(active, later, "lab").check())
                .satisfies(s -> assertThat(s.ready()).isFalse())
                .satisfies(s -> assertThat(s.detail()).contains("is expired at"));
    }

    @Test
    void staticModeInstallsTheFilesAndHasNoHttpsListenerWithoutTlsSettings() {
        CredentialsConfig config = staticConfig(Optional.empty());
        CredentialsSetup setup = CredentialsSetup.prepare(config, active, CLOCK);
        assertThat(setup.httpsListeners()).isEmpty();
        assertThat(setup.labTrust()).isEmpty();
        setup.activate(OptionalInt.empty());
        assertThat(active.current()).hasValueSatisfying(c -> {
            assertThat(c.source()).isEqualTo("static");
            assertThat(c.x5u()).isEqualTo(X5U);
        });
        assertThat(setup.tlsPort()).isEmpty();
        assertThat(Files.exists(dir.resolve("lab"))).isFalse();
    }

    @Test
    void staticModeWithAnHttpsListenerButNoTlsCertificateIsAConfigProblem() {
        CredentialsConfig config = staticConfig(Optional.of(new HostPort("0.0.0.0", 8443)));
        assertThatThrownBy(() -> CredentialsSetup.prepare(config, active, CLOCK))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::key).containsExactly("CALLSIGN_TLS_LISTEN"))
                .hasMessageContaining("set CALLSIGN_TLS_KEY and CALLSIGN_TLS_CERT");
    }

    @Test
    void staticModeServesHttpsWithTheOperatorsTlsCertificate() {
        TestPki.Chain tls = TestPki.shakenChain(TestPki.NOW);
        CredentialsConfig base = staticConfig(Optional.of(new HostPort("127.0.0.1", 0)));
        CredentialsConfig config = new CredentialsConfig(base.dataDir(), base.signingKey(), base.signingCert(), base.x5u(),
                Optional.of(TestPki.writePkcs8Key(dir.resolve("tls-key.pem"), tls.leafKeys())),
                Optional.of(TestPki.writeCertificates(dir.resolve("tls.pem"), tls.certificates())),
                base.tlsListen(), false, false, "1001", "127.0.0.1");
        assertThat(CredentialsSetup.prepare(config, active, CLOCK).httpsListeners()).hasSize(1);
    }

    @Test
    void anUnwritableDataDirectoryIsAConfigProblemNamingCallsignDataDir() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        CredentialsConfig config = withTls(CredentialsConfig.lab(file), Optional.empty());
        assertThatThrownBy(() -> CredentialsSetup.prepare(config, active, CLOCK))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::key).containsExactly("CALLSIGN_DATA_DIR"));
    }

    @Test
    void acmeModeInstallsNothingAndAcceptsOnlyCredentialsAVerifierWouldAccept() {
        CredentialsConfig base = CredentialsConfig.lab(dir);
        CredentialsConfig acme = new CredentialsConfig(dir, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), true, false, base.labSpc(), base.labHost());
        CredentialsSetup setup = CredentialsSetup.prepare(acme, active, CLOCK);
        setup.activate(OptionalInt.empty());
        assertThat(active.current()).isEmpty();
        assertThat(setup.readiness().check().detail()).contains("source: acme, enrolment pending");

        TestPki.Chain chain = TestPki.shakenChain(TestPki.NOW);
        SigningCredentials http = new SigningCredentials(chain.leafKeys().getPrivate(), chain.certificates(),
                URI.create("http://cert.example.net/c.pem"), "acme");
        assertThatThrownBy(() -> setup.install(http)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x5u http://cert.example.net/c.pem").hasMessageContaining("https");
        SigningCredentials wrongKey = new SigningCredentials(LabCertificates.newP256KeyPair().getPrivate(),
                chain.certificates(), X5U, "acme");
        assertThatThrownBy(() -> setup.install(wrongKey)).hasMessageContaining("does not match");
        assertThat(active.current()).isEmpty();

        setup.install(new SigningCredentials(chain.leafKeys().getPrivate(), chain.certificates(), X5U, "acme"));
        assertThat(active.current()).hasValueSatisfying(c -> assertThat(c.source()).isEqualTo("acme"));
        assertThat(setup.readiness().check().ready()).isTrue();
    }

    @Test
    void startUpReportsCredentialFileProblemsTogetherWithOtherSettingProblems() {
        TestPki.Chain chain = TestPki.shakenChain(TestPki.NOW);
        Path otherKey = TestPki.writePkcs8Key(dir.resolve("other.pem"), LabCertificates.newP256KeyPair());
        Map<String, String> env = Map.of(
                "SBC_STIR_ATTESTATION", "Z",
                "CALLSIGN_SIGNING_KEY", otherKey.toString(),
                "CALLSIGN_SIGNING_CERT", TestPki.writeCertificates(dir.resolve("c.pem"), chain.certificates()).toString(),
                "CALLSIGN_X5U", "https://cert.example.net:9443/cert.pem");
        assertThatThrownBy(() -> SettingsLoader.load(env, CredentialsSetup.settingsCheck(CLOCK)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::key)
                        .containsExactlyInAnyOrder("SBC_STIR_ATTESTATION", "CALLSIGN_X5U", "CALLSIGN_SIGNING_CERT"));
    }

    @Test
    void acme19LogLinesAndToStringNeverContainKeyMaterial() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        CredentialsSetup setup;
        try {
            setup = CredentialsSetup.prepare(lab(), active, CLOCK);
            setup.activate(OptionalInt.of(8443));
        } finally {
            System.setErr(original);
        }
        SigningCredentials installed = active.current().orElseThrow();
        String log = err.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("signing credentials installed: source=lab, x5u=https://127.0.0.1:8443/.well-known/stir/cert.pem, "
                + "SPC=1001, subject=CN=SHAKEN 1001,O=Callsign Lab,C=US, notAfter=");
        for (String text : new String[] {log, installed.toString(), CredentialsSetup.describe(installed), setup.toString()}) {
            assertNoKeyMaterial(text, installed);
        }
    }

    private static void assertNoKeyMaterial(String text, SigningCredentials credentials) {
        ECPrivateKey key = (ECPrivateKey) credentials.key();
        String pkcs8 = Base64.getEncoder().encodeToString(key.getEncoded());
        assertThat(text).doesNotContain("PRIVATE KEY")
                .doesNotContain(key.getS().toString(16))
                .doesNotContain(key.getS().toString())
                .doesNotContain(pkcs8.substring(pkcs8.length() - 40))
                .doesNotContain(Base64.getEncoder().encodeToString(key.getS().toByteArray()));
    }

    @Test
    void withAcmeAnX5uOverrideMustBeOneVerifiersFetchAndTheHttpsListenerPresentsTheSigningCertificate() {
        Map<String, String> env = Map.of("ZTA_ACME_PROVIDER", "letsencrypt", "ZTA_ACME_DOMAIN", "sti.example.com",
                "CALLSIGN_X5U", "https://sti.example.com:9443/.well-known/stir/cert.pem",
                "CALLSIGN_TLS_LISTEN", "127.0.0.1:0", "CALLSIGN_DATA_DIR", dir.toString());
        assertThatThrownBy(() -> SettingsLoader.load(env, CredentialsSetup.settingsCheck(CLOCK)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::key).containsExactly("CALLSIGN_X5U"))
                .hasMessageContaining("port 443 or 8443");

        CredentialsConfig config = CredentialsConfig.from(SettingsLoader.load(Map.of("ZTA_ACME_PROVIDER", "letsencrypt",
                "ZTA_ACME_DOMAIN", "sti.example.com", "CALLSIGN_TLS_LISTEN", "127.0.0.1:0",
                "CALLSIGN_DATA_DIR", dir.toString())).settings());
        assertThat(config.acme()).isTrue();
        assertThat(config.tlsFromSigning()).isTrue();
        assertThat(CredentialsSetup.prepare(config, active, CLOCK).httpsListeners()).hasSize(1);
    }

    private CredentialsConfig staticConfig(Optional<HostPort> tlsListen) {
        TestPki.Chain chain = TestPki.shakenChain(TestPki.NOW);
        return new CredentialsConfig(dir,
                Optional.of(TestPki.writePkcs8Key(dir.resolve("key.pem"), chain.leafKeys())),
                Optional.of(TestPki.writeCertificates(dir.resolve("chain.pem"), chain.certificates())),
                Optional.of(X5U), Optional.empty(), Optional.empty(), tlsListen, false, false, "1001", "127.0.0.1");
    }

    private static CredentialsConfig withTls(CredentialsConfig c, Optional<HostPort> tlsListen) {
        return new CredentialsConfig(c.dataDir(), c.signingKey(), c.signingCert(), c.x5u(), c.tlsKey(), c.tlsCert(),
                tlsListen, c.acme(), c.tlsFromSigning(), c.labSpc(), c.labHost());
    }
}
