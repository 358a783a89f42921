package io.callsign.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabCertificateAuthorityTest {

    private static final Clock CLOCK = Clock.fixed(TestPki.NOW, ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private LabCertificateAuthority open(String spc, String host, Clock clock) {
        return LabCertificateAuthority.open(dataDir.resolve("lab"), spc, host, clock);
    }

    @Test
    void theSigningChainValidatesWithPkixAgainstTheLabRoot() throws Exception {
        LabCertificateAuthority lab = open("1001", "127.0.0.1", CLOCK);
        PKIXCertPathValidatorResult result = validate(List.of(lab.signingChain().get(0)), lab.root(), CLOCK);
        assertThat(result.getTrustAnchor().getTrustedCert()).isEqualTo(lab.root());
        assertThat(lab.signingChain()).hasSize(2).last().isEqualTo(lab.root());
    }

    @Test
    void cert15LeafCarriesTnAuthListWithExplicitTagsForSpc1001() {
        X509Certificate leaf = open("1001", "127.0.0.1", CLOCK).signingChain().get(0);
        byte[] extension = ASN1OctetString.getInstance(leaf.getExtensionValue("1.3.6.1.5.5.7.1.26")).getOctets();
        assertThat(HexFormat.of().formatHex(extension)).isEqualTo("3008a006160431303031");
        assertThat(leaf.getNonCriticalExtensionOIDs()).contains("1.3.6.1.5.5.7.1.26");
        assertThat(TnAuthList.spc(leaf)).contains("1001");
    }

    @Test
    void cert01to11LeafFollowsTheAtisProfile() throws Exception {
        LabCertificateAuthority lab = open("709J", "127.0.0.1", CLOCK);
        X509Certificate leaf = lab.signingChain().get(0);
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=SHAKEN 709J,O=Callsign Lab,C=US");
        assertThat(leaf.getVersion()).isEqualTo(3);
        assertThat(leaf.getSerialNumber().signum()).isPositive();
        assertThat(leaf.getSerialNumber().bitLength()).isGreaterThanOrEqualTo(64);
        assertThat(leaf.getSigAlgOID()).isEqualTo("1.2.840.10045.4.3.2");
        assertThat(leaf.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(KeyChecks.whyNotP256(lab.signingCredentials(URI.create("https://h/c.pem")).key())).isEmpty();
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
        assertThat(leaf.getKeyUsage()).containsExactly(true, false, false, false, false, false, false, false, false);
        byte[] rootSki = SubjectKeyIdentifier.getInstance(
                JcaX509ExtensionUtils.parseExtensionValue(lab.root().getExtensionValue("2.5.29.14"))).getKeyIdentifier();
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.getInstance(
                JcaX509ExtensionUtils.parseExtensionValue(leaf.getExtensionValue("2.5.29.35")));
        assertThat(aki.getKeyIdentifier()).isEqualTo(rootSki);
        assertThat(aki.getAuthorityCertIssuer()).isNull();
        assertThat(leaf.getExtensionValue("2.5.29.14")).isNotNull();
        CertificatePolicies policies = CertificatePolicies.getInstance(
                JcaX509ExtensionUtils.parseExtensionValue(leaf.getExtensionValue("2.5.29.32")));
        assertThat(policies.getPolicyInformation()).singleElement()
                .satisfies(p -> assertThat(p.getPolicyIdentifier().getId()).isEqualTo("2.16.840.1.114569.1.1.3"));
    }

    @Test
    void cert05to11RootIsACaWithKeyCertSignOnlyAndNoPolicyOrTnAuthList() {
        X509Certificate root = open("1001", "127.0.0.1", CLOCK).root();
        assertThat(root.getSubjectX500Principal().getName()).isEqualTo("CN=Callsign Lab STI Root,O=Callsign Lab,C=US");
        assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(root.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
        assertThat(root.getKeyUsage()).containsExactly(false, false, false, false, false, true, false, false, false);
        assertThat(root.getExtensionValue("2.5.29.14")).isNotNull();
        assertThat(root.getExtensionValue("2.5.29.32")).isNull();
        assertThat(root.getExtensionValue("1.3.6.1.5.5.7.1.26")).isNull();
        assertThat(root.getSigAlgOID()).isEqualTo("1.2.840.10045.4.3.2");
    }

    @Test
    void theTlsCertificateNamesLocalhostTheLabHostAndLoopbackAndChainsToTheRoot() throws Exception {
        LabCertificateAuthority lab = open("1001", "sbc.lab.example", CLOCK);
        X509Certificate tls = lab.tlsIdentity().chain().get(0);
        assertThat(tls.getSubjectAlternativeNames()).extracting(name -> String.valueOf(name.get(1)))
                .containsExactly("localhost", "sbc.lab.example", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(tls.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        validate(List.of(tls), lab.root(), CLOCK);
        assertThat(lab.tlsIdentity().chain()).last().isEqualTo(lab.root());
    }

    @Test
    void acme19KeyFilesAreOwnerOnly() throws Exception {
        open("1001", "127.0.0.1", CLOCK);
        Path lab = dataDir.resolve("lab");
        for (String key : List.of("root-key.pem", "shaken-key.pem", "tls-key.pem")) {
            assertThat(Files.getPosixFilePermissions(lab.resolve(key)))
                    .as(key).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(Files.getPosixFilePermissions(lab)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(lab.resolve("shaken.pem")).content().doesNotContain("PRIVATE KEY");
    }

    @Test
    void aRestartReusesTheSameFilesAndCertificates() {
        LabCertificateAuthority first = open("1001", "127.0.0.1", CLOCK);
        LabCertificateAuthority second = open("1001", "127.0.0.1", Clock.offset(CLOCK, Duration.ofDays(30)));
        assertThat(second.root()).isEqualTo(first.root());
        assertThat(second.signingChain()).isEqualTo(first.signingChain());
        assertThat(second.tlsIdentity().chain()).isEqualTo(first.tlsIdentity().chain());
        assertThat(second.signingCredentials(URI.create("https://h/c.pem")).key().getEncoded())
                .isEqualTo(first.signingCredentials(URI.create("https://h/c.pem")).key().getEncoded());
    }

    @Test
    void aChangedSpcReissuesOnlyTheLeaf() {
        LabCertificateAuthority first = open("1001", "127.0.0.1", CLOCK);
        LabCertificateAuthority second = open("2002", "127.0.0.1", CLOCK);
        assertThat(second.root()).isEqualTo(first.root());
        assertThat(second.signingChain().get(0)).isNotEqualTo(first.signingChain().get(0));
        assertThat(second.signingChain().get(0).getSubjectX500Principal().getName()).startsWith("CN=SHAKEN 2002,");
        assertThat(TnAuthList.spc(second.signingChain().get(0))).contains("2002");
        assertThat(second.tlsIdentity().chain()).isEqualTo(first.tlsIdentity().chain());
    }

    @Test
    void anExpiredLeafAndTlsCertificateAreReissuedUnderTheSameRoot() throws Exception {
        LabCertificateAuthority first = open("1001", "127.0.0.1", CLOCK);
        Clock nextYear = Clock.offset(CLOCK, LabCertificates.LEAF_VALIDITY.plusDays(1));
        LabCertificateAuthority second = open("1001", "127.0.0.1", nextYear);
        assertThat(second.root()).isEqualTo(first.root());
        assertThat(second.signingChain().get(0)).isNotEqualTo(first.signingChain().get(0));
        assertThat(second.tlsIdentity().chain().get(0)).isNotEqualTo(first.tlsIdentity().chain().get(0));
        validate(List.of(second.signingChain().get(0)), second.root(), nextYear);
    }

    @Test
    void aChangedLabHostReissuesTheTlsCertificate() {
        LabCertificateAuthority first = open("1001", "127.0.0.1", CLOCK);
        LabCertificateAuthority second = open("1001", "sbc.lab.example", CLOCK);
        assertThat(second.tlsIdentity().chain().get(0)).isNotEqualTo(first.tlsIdentity().chain().get(0));
        assertThat(second.signingChain()).isEqualTo(first.signingChain());
    }

    @Test
    void aDamagedKeyFileIsReplacedRatherThanStoppingTheService() throws Exception {
        LabCertificateAuthority first = open("1001", "127.0.0.1", CLOCK);
        Files.writeString(dataDir.resolve("lab/shaken-key.pem"), "garbage");
        LabCertificateAuthority second = open("1001", "127.0.0.1", CLOCK);
        assertThat(second.signingChain().get(0)).isNotEqualTo(first.signingChain().get(0));
        assertThat(second.root()).isEqualTo(first.root());
    }

    @Test
    void x5uNamesTheLabHostAndPortAndBracketsIpv6() {
        assertThat(LabCertificateAuthority.x5u("127.0.0.1", 8443))
                .hasToString("https://127.0.0.1:8443/.well-known/stir/cert.pem");
        assertThat(LabCertificateAuthority.x5u("::1", 8443)).hasToString("https://[::1]:8443/.well-known/stir/cert.pem");
    }

    static PKIXCertPathValidatorResult validate(List<X509Certificate> path, X509Certificate root, Clock clock) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(clock.instant()));
        return (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
    }
}
