package io.callsign.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.junit.jupiter.api.Test;

/** CERT-15: RFC 8226 TNAuthorizationList with EXPLICIT tags. */
class TnAuthListTest {

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }

    private static byte[] encoded(DERIA5String value) {
        try {
            return value.getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cert15DecodesSpc1001FromTheOpenSipsVector() {
        assertThat(TnAuthList.parse(hex("3008a006160431303031")).spcs()).containsExactly("1001");
    }

    @Test
    void cert15DecodesSpc709JFromTheZlintVector() {
        assertThat(TnAuthList.parse(hex("3008a00616043730394a")).spcs()).containsExactly("709J");
    }

    @Test
    void cert15RejectsTheImplicitTagEncoding() {
        assertThatThrownBy(() -> TnAuthList.parse(hex("3006800431303031")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IMPLICIT");
    }

    @Test
    void cert15RejectsABareIa5String() {
        byte[] url = encoded(new DERIA5String("https://sp.example/cert"));
        assertThatThrownBy(() -> TnAuthList.parse(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnEmptyListTrailingBytesAndUnknownTags() {
        assertThatThrownBy(() -> TnAuthList.parse(hex("3000"))).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> TnAuthList.parse(hex("3008a00616043130303100"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TnAuthList.parse(hex("3008a306160431303031"))).hasMessageContaining("[3]");
    }

    @Test
    void decodesRangeAndOneEntries() throws Exception {
        byte[] der = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                new DERTaggedObject(true, 0, new DERIA5String("1001")),
                new DERTaggedObject(true, 1, new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                        new DERIA5String("12155550000"), new ASN1Integer(100)})),
                new DERTaggedObject(true, 2, new DERIA5String("12155551212"))}).getEncoded();

        TnAuthList list = TnAuthList.parse(der);

        assertThat(list.entries()).containsExactly(new TnAuthList.Spc("1001"),
                new TnAuthList.Range("12155550000", BigInteger.valueOf(100)), new TnAuthList.One("12155551212"));
        assertThat(list.spcs()).containsExactly("1001");
    }

    @Test
    void rejectsTelephoneNumbersOutsideTheAlphabet() throws Exception {
        byte[] der = new DERSequence(new DERTaggedObject(true, 2, new DERIA5String("+12155551212"))).getEncoded();

        assertThatThrownBy(() -> TnAuthList.parse(der)).hasMessageContaining("TelephoneNumber");
    }

    @Test
    void readsTheExtensionOfATestLeaf() {
        TestPki pki = TestPki.create();

        assertThat(TnAuthList.of(pki.leaf().certificate()).map(TnAuthList::spcs)).contains(List.of(TestPki.SPC));
        assertThat(TnAuthList.of(pki.intermediate().certificate())).isEmpty();
    }
}
