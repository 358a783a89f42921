package io.callsign.acme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * The TNAuthorizationList of RFC 8226 §9 holding one SPC: {@code SEQUENCE { [0] EXPLICIT IA5String }}.
 * The same DER goes into the ACME identifier (ACME-07), {@code atc.tkvalue} (ACME-10) and the CSR
 * extension (ACME-12). Pure.
 */
final class TnAuthList {

    /** id-pe-TNAuthList, RFC 8226 §9. */
    static final ASN1ObjectIdentifier OID = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.26");
    static final String IDENTIFIER_TYPE = "TNAuthList";

    private TnAuthList() {
    }

    static byte[] der(String spc) {
        try {
            return new DERSequence(new DERTaggedObject(true, 0, new DERIA5String(spc, true)))
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ACME-07: base64url without padding (RFC 9448 §3), or padded base64 for CAs that want it. */
    static String encode(byte[] der, TkauthSettings.IdentifierEncoding encoding) {
        return switch (encoding) {
            case BASE64URL -> Base64.getUrlEncoder().withoutPadding().encodeToString(der);
            case BASE64 -> Base64.getEncoder().encodeToString(der);
        };
    }
}
