package io.callsign.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

class CsrFactoryTest {

    @Test
    void acme12TkauthCsrCarriesTheIdentifierDerAndIsSignedWithEs256() throws Exception {
        KeyPair key = Keys.newP256();
        PKCS10CertificationRequest csr = new PKCS10CertificationRequest(CsrFactory.forTnAuthList(key, TnAuthList.der("1234")));

        assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key.getPublic()))).isTrue();
        assertThat(csr.getSignatureAlgorithm().getAlgorithm().getId()).isEqualTo("1.2.840.10045.4.3.2");
        assertThat(((ECPublicKey) new JcaPKCS10CertificationRequest(csr).getPublicKey()).getParams().getCurve()
                .getField().getFieldSize()).isEqualTo(256);
        Extension tnAuthList = requestedExtensions(csr).getExtension(TnAuthList.OID);
        assertThat(ASN1OctetString.getInstance(tnAuthList.getExtnValue()).getOctets()).isEqualTo(TnAuthList.der("1234"));
        assertThat(csr.getSubject().getRDNs()).isEmpty();
    }

    @Test
    void domainCsrNamesTheDomainInCnAndSan() throws Exception {
        PKCS10CertificationRequest csr = new PKCS10CertificationRequest(
                CsrFactory.forDomain(Keys.newP256(), "sti.example.com"));
        assertThat(csr.getSubject().toString()).isEqualTo("CN=sti.example.com");
        GeneralNames names = GeneralNames.fromExtensions(requestedExtensions(csr), Extension.subjectAlternativeName);
        assertThat(names.getNames()).hasSize(1);
        assertThat(names.getNames()[0].getName().toString()).isEqualTo("sti.example.com");
    }

    private static Extensions requestedExtensions(PKCS10CertificationRequest csr) {
        return Extensions.getInstance(
                csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0].getAttrValues().getObjectAt(0));
    }
}
