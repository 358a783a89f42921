package io.callsign.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.Test;

/** A stored certificate is only reused when it certifies what the configuration orders. */
class CertificateMatchTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");

    @Test
    void http01AndDns01WantTheDomainAmongTheSubjectAlternativeNames() throws Exception {
        X509Certificate leaf = leaf(new Extension(Extension.subjectAlternativeName, false, new DEROctetString(
                new GeneralNames(new GeneralName(GeneralName.dNSName, "sti.example.com")))));
        AcmeConfig config = AcmeConfig.of(URI.create("https://ca.example.net/dir"), "sti.example.com");

        assertThat(CertificateMatch.matches(config, leaf)).isTrue();
        assertThat(CertificateMatch.matches(AcmeConfig.of(URI.create("https://ca.example.net/dir"), "STI.example.com"),
                leaf)).isTrue();
        assertThat(CertificateMatch.matches(AcmeConfig.of(URI.create("https://ca.example.net/dir"), "other.example.com"),
                leaf)).isFalse();
        assertThat(CertificateMatch.matches(config, leaf())).as("no SAN at all").isFalse();
    }

    @Test
    void tkauth01WantsTheTnAuthListOfTheConfiguredSpc() throws Exception {
        X509Certificate leaf = leaf(new Extension(TnAuthList.OID, false, new DEROctetString(TnAuthList.der("1234"))));
        AcmeConfig base = AcmeConfig.of(URI.create("https://ca.example.net/dir"), "sti.example.com");

        assertThat(CertificateMatch.matches(base.withTkauth(
                TkauthSettings.of(URI.create("https://sti-pa.example.net/t"), "1234")), leaf)).isTrue();
        assertThat(CertificateMatch.matches(base.withTkauth(
                TkauthSettings.of(URI.create("https://sti-pa.example.net/t"), "5678")), leaf)).isFalse();
        assertThat(CertificateMatch.matches(base.withTkauth(
                TkauthSettings.of(URI.create("https://sti-pa.example.net/t"), "1234")), leaf())).isFalse();
    }

    private static X509Certificate leaf(Extension... extensions) throws Exception {
        KeyPair key = Keys.newP256();
        return new TestPki.Ca("Match CA").issue(key.getPublic(), "CN=SHAKEN 1234", FROM, TO, extensions);
    }
}
