package io.callsign.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class TnAuthListTest {

    @Test
    void spc1234IsOneExplicitlyTaggedIa5String() {
        // RFC 8226 §9: SEQUENCE { [0] EXPLICIT IA5String "1234" }
        assertThat(HexFormat.of().formatHex(TnAuthList.der("1234"))).isEqualTo("3008a006160431323334");
    }

    @Test
    void acme07IdentifierIsBase64UrlWithoutPaddingByDefault() {
        assertThat(TnAuthList.encode(TnAuthList.der("1234"), TkauthSettings.IdentifierEncoding.BASE64URL))
                .isEqualTo("MAigBhYEMTIzNA");
    }

    @Test
    void acme07PaddedBase64ForCasThatWantIt() {
        assertThat(TnAuthList.encode(TnAuthList.der("1234"), TkauthSettings.IdentifierEncoding.BASE64))
                .isEqualTo("MAigBhYEMTIzNA==");
    }
}
