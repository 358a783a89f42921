package io.callsign.passport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The in-place encoder must spell every value exactly as the JDK's unpadded base64url encoder (SIGN-11). */
class Base64UrlTest {

    @Test
    void everyLengthAndOffsetEncodesAsTheJdkDoes() {
        Random random = new Random(8225);
        for (int length = 0; length <= 200; length++) {
            byte[] src = new byte[length + 7];
            random.nextBytes(src);
            String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(src, 5, 5 + length));
            byte[] dst = new byte[3 + Base64Url.encodedLength(length) + 2];
            Arrays.fill(dst, (byte) '#');

            int end = Base64Url.encode(src, 5, length, dst, 3);

            assertThat(end).isEqualTo(3 + expected.length());
            assertThat(new String(dst, 3, end - 3, StandardCharsets.US_ASCII)).isEqualTo(expected);
            assertThat(new String(dst, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("###");
            assertThat(new String(dst, end, dst.length - end, StandardCharsets.US_ASCII)).isEqualTo("##");
        }
    }

    @Test
    void aSixtyFourByteSignatureTakesEightySixCharacters() {
        assertThat(Base64Url.encodedLength(64)).isEqualTo(86);
        assertThat(Base64Url.encodedLength(0)).isZero();
        assertThat(Base64Url.encodedLength(1)).isEqualTo(2);
        assertThat(Base64Url.encodedLength(2)).isEqualTo(3);
        assertThat(Base64Url.encodedLength(3)).isEqualTo(4);
    }
}
