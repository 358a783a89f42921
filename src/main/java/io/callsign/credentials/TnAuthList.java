package io.callsign.credentials;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * The TNAuthList extension (RFC 8226 §9) holding a single service provider code, as the SHAKEN
 * end-entity profile requires (ATIS-1000080, CERT-13). Stateless.
 */
final class TnAuthList {

    /** id-pe-TNAuthList. */
    static final ASN1ObjectIdentifier OID = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.26");

    private TnAuthList() {
    }

    /** DER of a one-SPC list. RFC 8226 Appendix A uses EXPLICIT tags: "1001" is 30 08 A0 06 16 04 31 30 30 31 (CERT-15). */
    static byte[] encodeSpc(String spc) {
        try {
            return new DERSequence(new DERTaggedObject(true, 0, new DERIA5String(spc))).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode TNAuthList for SPC " + spc, e);
        }
    }

    /** The SPC of a certificate whose TNAuthList starts with an explicitly tagged spc entry; empty otherwise. */
    static Optional<String> spc(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(OID.getId());
        if (extension == null) {
            return Optional.empty();
        }
        try {
            ASN1Primitive value = JcaX509ExtensionUtils.parseExtensionValue(extension);
            ASN1Sequence entries = ASN1Sequence.getInstance(value);
            if (entries.size() > 0 && entries.getObjectAt(0) instanceof ASN1TaggedObject entry
                    && entry.getTagNo() == 0 && entry.isExplicit()) {
                return Optional.of(DERIA5String.getInstance(entry.getExplicitBaseObject()).getString());
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
