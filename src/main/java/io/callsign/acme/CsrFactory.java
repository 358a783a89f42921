package io.callsign.acme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Builds the finalize CSR with Bouncy Castle: acme4j's CSRBuilder knows no TNAuthList.
 * ACME-12: ecdsa-with-SHA256 over a fresh P-256 key (never the account key) and the same
 * identifiers as the order. Pure apart from the signature's randomness.
 */
final class CsrFactory {

    private CsrFactory() {
    }

    /** http-01/dns-01: CN and a dNSName SAN for {@code domain}. */
    static byte[] forDomain(KeyPair key, String domain) {
        GeneralNames names = new GeneralNames(new GeneralName(GeneralName.dNSName, domain));
        return build(key, new X500Name("CN=" + domain), List.of(extension(Extension.subjectAlternativeName, names)));
    }

    /**
     * tkauth-01: the TNAuthList extension with the identifier's DER. The subject stays empty: the
     * STI-CA sets {@code CN=SHAKEN <SPC>} itself (ATIS-1000080, as vermouth does).
     */
    static byte[] forTnAuthList(KeyPair key, byte[] tnAuthListDer) {
        return build(key, new X500Name(new RDN[0]),
                List.of(new Extension(TnAuthList.OID, false, new DEROctetString(tnAuthListDer))));
    }

    private static Extension extension(ASN1ObjectIdentifier oid, GeneralNames value) {
        try {
            return new Extension(oid, false, value.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] build(KeyPair key, X500Name subject, List<Extension> extensions) {
        try {
            var builder = new JcaPKCS10CertificationRequestBuilder(subject, key.getPublic());
            builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
                    new Extensions(extensions.toArray(new Extension[0])));
            return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())).getEncoded();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign the CSR with a P-256 key: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
