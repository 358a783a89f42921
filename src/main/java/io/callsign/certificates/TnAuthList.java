package io.callsign.certificates;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;

/**
 * The TNAuthList certificate extension (RFC 8226 §9, id-pe 26), decoded strictly with the EXPLICIT
 * tags of the RFC 8226 ASN.1 module (CERT-15). Immutable.
 *
 * <pre>
 * TNAuthorizationList ::= SEQUENCE SIZE (1..MAX) OF TNEntry
 * TNEntry ::= CHOICE { spc [0] ServiceProviderCode, range [1] TelephoneNumberRange, one [2] TelephoneNumber }
 * </pre>
 */
public record TnAuthList(List<Entry> entries) {

    public static final String OID = "1.3.6.1.5.5.7.1.26";

    /** One TNEntry. */
    public sealed interface Entry { }

    public record Spc(String code) implements Entry { }

    public record Range(String start, BigInteger count) implements Entry { }

    public record One(String number) implements Entry { }

    public TnAuthList {
        entries = List.copyOf(entries);
    }

    /** The extension of {@code certificate}, or empty when it has none; throws if it is malformed. */
    public static Optional<TnAuthList> of(X509Certificate certificate) {
        byte[] wrapped = certificate.getExtensionValue(OID);
        if (wrapped == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(ASN1OctetString.getInstance(wrapped).getOctets()));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("extension value is not an OCTET STRING: " + e.getMessage());
        }
    }

    /** Decodes DER {@code TNAuthorizationList}; IllegalArgumentException says what is wrong. */
    public static TnAuthList parse(byte[] der) {
        ASN1Sequence sequence;
        try {
            // fromByteArray refuses trailing bytes after the outer structure
            ASN1Primitive outer = ASN1Primitive.fromByteArray(der);
            if (!(outer instanceof ASN1Sequence s) || s.size() == 0) {
                throw new IllegalArgumentException("not a non-empty SEQUENCE of TNEntry");
            }
            sequence = s;
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid DER: " + e.getMessage());
        }
        List<Entry> entries = new ArrayList<>();
        for (ASN1Encodable element : sequence) {
            entries.add(entry(element));
        }
        return new TnAuthList(entries);
    }

    /** The Service Provider Codes, in order. */
    public List<String> spcs() {
        return entries.stream().filter(Spc.class::isInstance).map(e -> ((Spc) e).code()).toList();
    }

    private static Entry entry(ASN1Encodable element) {
        if (!(element instanceof ASN1TaggedObject tagged) || tagged.getTagClass() != BERTags.CONTEXT_SPECIFIC) {
            throw new IllegalArgumentException("a TNEntry is not a context-specific tagged value");
        }
        // CERT-15: RFC 8226 Appendix A uses EXPLICIT tags; an implicit [0] IA5String (80 04 ...) is
        // a known third-party encoding bug and is rejected rather than guessed at.
        if (!tagged.isExplicit()) {
            throw new IllegalArgumentException("TNEntry [" + tagged.getTagNo() + "] uses an IMPLICIT tag; "
                    + "RFC 8226 requires EXPLICIT tagging");
        }
        ASN1Primitive value = tagged.getExplicitBaseObject().toASN1Primitive();
        return switch (tagged.getTagNo()) {
            case 0 -> new Spc(ia5(value, "spc"));
            case 1 -> range(value);
            case 2 -> new One(telephoneNumber(ia5(value, "one")));
            default -> throw new IllegalArgumentException("unknown TNEntry tag [" + tagged.getTagNo() + "]");
        };
    }

    private static Range range(ASN1Primitive value) {
        if (!(value instanceof ASN1Sequence s) || s.size() != 2 || !(s.getObjectAt(1) instanceof ASN1Integer count)) {
            throw new IllegalArgumentException("range is not SEQUENCE { start TelephoneNumber, count INTEGER }");
        }
        String start = telephoneNumber(ia5(s.getObjectAt(0).toASN1Primitive(), "range start"));
        if (count.getValue().compareTo(BigInteger.TWO) < 0) {
            throw new IllegalArgumentException("range count " + count.getValue() + " is below 2");
        }
        return new Range(start, count.getValue());
    }

    private static String ia5(ASN1Primitive value, String field) {
        if (!(value instanceof ASN1IA5String string) || string.getString().isEmpty()) {
            throw new IllegalArgumentException(field + " is not a non-empty IA5String");
        }
        return string.getString();
    }

    private static String telephoneNumber(String text) {
        if (!text.matches("[0-9#*]{1,15}")) {
            throw new IllegalArgumentException("'" + text + "' is not a TelephoneNumber (1..15 of 0-9 # *)");
        }
        return text;
    }
}
