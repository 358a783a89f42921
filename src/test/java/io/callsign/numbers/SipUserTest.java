package io.callsign.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SipUserTest {

    @Test
    void reducesEverySpellingToUserAtLowercaseHost() {
        assertThat(SipUser.normalise("alice@ims.local")).isEqualTo("alice@ims.local");
        assertThat(SipUser.normalise("sip:alice@IMS.Local")).isEqualTo("alice@ims.local");
        assertThat(SipUser.normalise("\"Alice\" <sips:alice@ims.local;transport=tls>;tag=1")).isEqualTo("alice@ims.local");
        assertThat(SipUser.normalise("sip:+15145559876;npdi@ims.local;user=phone")).isEqualTo("+15145559876@ims.local");
        assertThat(SipUser.normalise("alice")).isEqualTo("alice");
    }

    @Test
    void keepsTheCaseOfTheUserPart() {
        // RFC 3261 §19.1.4: user parts compare case-sensitively
        assertThat(SipUser.normalise("Alice@ims.local")).isNotEqualTo(SipUser.normalise("alice@ims.local"));
    }

    @Test
    void givesNullForNothing() {
        assertThat(SipUser.normalise(null)).isNull();
        assertThat(SipUser.normalise("  ")).isNull();
        assertThat(SipUser.normalise("<sip:>")).isNull();
    }
}
