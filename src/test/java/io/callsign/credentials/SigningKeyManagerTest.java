package io.callsign.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

/** The HTTPS listener's certificate follows the active credentials, one certificate per handshake. */
class SigningKeyManagerTest {

    private static final URI X5U = URI.create("https://sti.example.com/.well-known/stir/cert.pem");

    private final ActiveCredentials active = new ActiveCredentials();
    private final SigningKeyManager manager = new SigningKeyManager(active);

    @Test
    void presentsNothingBeforeCredentialsAreInstalled() {
        assertThat(manager.chooseEngineServerAlias("EC", null, null)).isNull();
        assertThat(manager.getServerAliases("EC", null)).isNull();
        assertThat(manager.getCertificateChain("signing-0000000000000000.pem")).isNull();
        assertThat(manager.chooseClientAlias(new String[] {"EC"}, null, null)).isNull();
    }

    @Test
    void presentsTheActiveP256CredentialsForEcKeyTypesOnly() {
        TestPki.Chain chain = install();
        String alias = manager.chooseEngineServerAlias("EC", null, null);

        assertThat(alias).isNotNull().isEqualTo(manager.chooseServerAlias("EC_EC", null, null));
        assertThat(manager.getCertificateChain(alias)).containsExactly(chain.certificates().toArray(X509Certificate[]::new));
        assertThat(manager.getPrivateKey(alias)).isEqualTo(chain.leafKeys().getPrivate());
        assertThat(manager.chooseEngineServerAlias("RSA", null, null)).isNull();
        assertThat(manager.chooseEngineServerAlias("ECDH", null, null)).isNull();
    }

    @Test
    void aRotationBetweenChoosingAndReadingCannotMixTwoCertificates() {
        TestPki.Chain first = install();
        String chosen = manager.chooseEngineServerAlias("EC", null, null);
        TestPki.Chain second = install();

        assertThat(manager.getCertificateChain(chosen)[0]).isEqualTo(first.certificates().get(0));
        assertThat(manager.getPrivateKey(chosen)).isEqualTo(first.leafKeys().getPrivate());
        String next = manager.chooseEngineServerAlias("EC", null, null);
        assertThat(next).isNotEqualTo(chosen);
        assertThat(manager.getCertificateChain(next)[0]).isEqualTo(second.certificates().get(0));
    }

    private TestPki.Chain install() {
        TestPki.Chain chain = TestPki.shakenChain(TestPki.NOW);
        active.install(new SigningCredentials(chain.leafKeys().getPrivate(), chain.certificates(), X5U, "acme"));
        return chain;
    }
}
