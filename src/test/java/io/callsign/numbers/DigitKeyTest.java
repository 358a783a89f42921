package io.callsign.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DigitKeyTest {

    @Test
    void keepsLeadingZerosApart() {
        assertThat(DigitKey.encode("0123")).isNotEqualTo(DigitKey.encode("123"));
        assertThat(DigitKey.encode("0")).isNotEqualTo(DigitKey.encode("00"));
    }

    @Test
    void roundTripsEveryLength() {
        for (String digits : new String[] {"0", "9", "007", "15145559876", "999999999999999", "000000000000000"}) {
            assertThat(DigitKey.decode(DigitKey.encode(digits))).isEqualTo(digits);
        }
    }

    @Test
    void refusesWhatIsNotOneToFifteenDigits() {
        for (String bad : new String[] {"", "+1514", "1514555000012345", "15a4", " 1", null}) {
            assertThat(DigitKey.encode(bad)).as("%s", bad).isEqualTo(DigitKey.INVALID);
        }
        assertThatThrownBy(() -> DigitKey.require("+15145559876", "telephone number"))
                .hasMessageContaining("'+15145559876'").hasMessageContaining("1 to 15 digits");
    }

    @Test
    void encodesPrefixesOfLongerNumbers() {
        assertThat(DigitKey.encode("15145559876", 7)).isEqualTo(DigitKey.encode("1514555"));
    }
}
