package io.callsign.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callsign.config.ConfigException;
import io.callsign.config.ConfigProblem;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticCredentialsLoaderTest {

    private static final Clock CLOCK = Clock.fixed(TestPki.NOW, ZoneOffset.UTC);
    private static final URI GOOD_X5U = URI.create("https://cert.example.net/.well-known/stir/cert.pem");

    @TempDir
    Path dir;
    private TestPki.Chain chain;
    private Path key;
    private Path cert;

    @BeforeEach
    void writeGoodFiles() {
        chain = TestPki.shakenChain(TestPki.NOW);
        key = TestPki.writePkcs8Key(dir.resolve("key.pem"), chain.leafKeys());
        cert = TestPki.writeCertificates(dir.resolve("chain.pem"), chain.certificates());
    }

    @Test
    void loadsAPkcs8KeyWithItsChainLeafFirst() {
        SigningCredentials loaded = StaticCredentialsLoader.load(key, cert, GOOD_X5U, CLOCK).orThrow();
        assertThat(loaded.source()).isEqualTo("static");
        assertThat(loaded.x5u()).isEqualTo(GOOD_X5U);
        assertThat(loaded.chain()).containsExactlyElementsOf(chain.certificates());
        assertThat(loaded.key().getEncoded()).isEqualTo(chain.leafKeys().getPrivate().getEncoded());
    }

    @Test
    void loadsASec1EcPrivateKeyAndAcceptsPort8443() {
        Path sec1 = TestPki.writeSec1Key(dir.resolve("sec1.pem"), chain.leafKeys());
        assertThat(sec1).content().contains("-----BEGIN EC PRIVATE KEY-----");
        URI x5u = URI.create("https://cert.example.net:8443/cert.pem");
        assertThat(StaticCredentialsLoader.load(sec1, cert, x5u, CLOCK)).isInstanceOf(StaticCredentialsLoader.Loaded.class);
    }

    @Test
    void sign03RefusesAnHttpX5u() {
        assertOnlyProblem(URI.create("http://cert.example.net/cert.pem"), "CALLSIGN_X5U", "only fetch https");
    }

    @Test
    void sign03RefusesPort8080() {
        assertOnlyProblem(URI.create("https://cert.example.net:8080/cert.pem"), "CALLSIGN_X5U", "port 443 or 8443");
    }

    @Test
    void x5u02RefusesAQuery() {
        assertOnlyProblem(URI.create("https://cert.example.net/cert.pem?v=2"), "CALLSIGN_X5U", "remove '?v=2'");
    }

    @Test
    void x5u02RefusesAFragment() {
        assertOnlyProblem(URI.create("https://cert.example.net/cert.pem#leaf"), "CALLSIGN_X5U", "remove '#leaf'");
    }

    @Test
    void x5u02RefusesUserinfo() {
        assertOnlyProblem(URI.create("https://user:pw@cert.example.net/cert.pem"), "CALLSIGN_X5U", "userinfo");
    }

    @Test
    void cert04RefusesAP384Key() {
        KeyPair p384 = TestPki.ec("secp384r1");
        key = TestPki.writePkcs8Key(dir.resolve("p384.pem"), p384);
        cert = TestPki.writeCertificates(dir.resolve("p384-cert.pem"),
                List.of(TestPki.selfSigned(p384, "SHAKEN 1001", TestPki.NOW.minusSeconds(60), TestPki.NOW.plusSeconds(86_400))));
        assertOnlyProblem(GOOD_X5U, "CALLSIGN_SIGNING_KEY", "384-bit curve other than P-256");
    }

    @Test
    void cert04RefusesAnRsaKey() {
        KeyPair rsa = TestPki.rsa();
        key = TestPki.writePkcs8Key(dir.resolve("rsa.pem"), rsa);
        cert = TestPki.writeCertificates(dir.resolve("rsa-cert.pem"),
                List.of(TestPki.selfSigned(rsa, "SHAKEN 1001", TestPki.NOW.minusSeconds(60), TestPki.NOW.plusSeconds(86_400))));
        assertOnlyProblem(GOOD_X5U, "CALLSIGN_SIGNING_KEY", "it is an RSA key");
    }

    @Test
    void refusesALeafIssuedForAnotherKey() {
        key = TestPki.writePkcs8Key(dir.resolve("other.pem"), LabCertificates.newP256KeyPair());
        assertOnlyProblem(GOOD_X5U, "CALLSIGN_SIGNING_CERT", "does not match the private key in CALLSIGN_SIGNING_KEY");
    }

    @Test
    void refusesAnExpiredLeaf() {
        Clock later = Clock.offset(CLOCK, LabCertificates.LEAF_VALIDITY.plus(Duration.ofDays(1)));
        List<ConfigProblem> problems = refused(StaticCredentialsLoader.load(key, cert, GOOD_X5U, later));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("CALLSIGN_SIGNING_CERT");
            assertThat(p.value()).isEqualTo(cert.toString());
            assertThat(p.fix()).contains("is expired at").contains("SHAKEN 1001");
        });
    }

    @Test
    void refusesAChainWithTheRootFirst() {
        cert = TestPki.writeCertificates(dir.resolve("reversed.pem"), List.of(chain.certificates().get(1), chain.certificates().get(0)));
        List<ConfigProblem> problems = refused(StaticCredentialsLoader.load(key, cert, GOOD_X5U, CLOCK));
        assertThat(problems).extracting(ConfigProblem::key).contains("CALLSIGN_SIGNING_CERT");
        assertThat(problems).anySatisfy(p -> assertThat(p.fix()).contains("leaf first"));
    }

    @Test
    void reportsEveryProblemTogetherAndNeverTheKeyContent() {
        Path notAKey = TestPki.write(dir.resolve("not-a-key.pem"), "hello");
        ConfigException thrown = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() ->
                StaticCredentialsLoader.load(notAKey, cert, URI.create("http://h:8080/c.pem"), CLOCK).orThrow());
        assertThat(thrown.problems()).extracting(ConfigProblem::key)
                .containsExactly("CALLSIGN_X5U", "CALLSIGN_SIGNING_KEY");
        assertThat(thrown.getMessage()).contains("CALLSIGN_SIGNING_KEY='" + notAKey + "'").doesNotContain("hello");
    }

    @Test
    void refusesAnEncryptedKeyWithAHint() {
        Path encrypted = TestPki.writeEncryptedKey(dir.resolve("enc.pem"), chain.leafKeys());
        assertThatThrownBy(() -> StaticCredentialsLoader.load(encrypted, cert, GOOD_X5U, CLOCK).orThrow())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("CALLSIGN_SIGNING_KEY")
                .hasMessageContaining("encrypted");
    }

    private void assertOnlyProblem(URI x5u, String key, String fixFragment) {
        List<ConfigProblem> problems = refused(StaticCredentialsLoader.load(this.key, cert, x5u, CLOCK));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo(key);
            assertThat(p.fix()).contains(fixFragment);
        });
    }

    private static List<ConfigProblem> refused(StaticCredentialsLoader.Result result) {
        assertThat(result).isInstanceOf(StaticCredentialsLoader.Refused.class);
        return ((StaticCredentialsLoader.Refused) result).problems();
    }
}
