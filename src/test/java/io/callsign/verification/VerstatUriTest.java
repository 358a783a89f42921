package io.callsign.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** VER-18/19: verstat on tel URIs and in the user part of SIP URIs, any previous verstat removed. */
class VerstatUriTest {

    private static final String V = "TN-Validation-Passed";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tel:+15145559876|<tel:+15145559876;verstat=TN-Validation-Passed>",
            "<tel:+15145559876;verstat=No-TN-Validation>|<tel:+15145559876;verstat=TN-Validation-Passed>",
            "sip:+15145559876@ims.local|<sip:+15145559876;verstat=TN-Validation-Passed@ims.local>",
            "sip:+15145559876@ims.local;tag=x|<sip:+15145559876;verstat=TN-Validation-Passed@ims.local>;tag=x",
            "\"A <b>\" <sips:+1514@h;user=phone>|\"A <b>\" <sips:+1514;verstat=TN-Validation-Passed@h;user=phone>",
            "<sip:+1514;VERSTAT=TN-Validation-Failed@h;verstat=x;user=phone>|<sip:+1514;verstat=TN-Validation-Passed@h;user=phone>",
            "<sip:+1514@h>, <tel:+1514>|<sip:+1514;verstat=TN-Validation-Passed@h>, <tel:+1514;verstat=TN-Validation-Passed>"})
    void ver18_marksEachTelephoneUri(String value, String expected) {
        assertThat(VerstatUri.apply(value, V)).contains(expected);
    }

    @Test
    void leavesValuesWithoutAUserPartOrTooLongAlone() {
        assertThat(VerstatUri.apply("<sip:ims.local>", V)).isEmpty();
        assertThat(VerstatUri.apply("<mailto:a@b>", V)).isEmpty();
        assertThat(VerstatUri.apply("<sip:+1514@h", V)).isEmpty();
        assertThat(VerstatUri.apply(null, V)).isEmpty();
        assertThat(VerstatUri.apply("<sip:+1514@" + "h".repeat(600) + ">", V)).isEmpty();
    }
}
