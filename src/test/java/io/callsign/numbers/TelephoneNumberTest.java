package io.callsign.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TelephoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"tel:+1-215-555-1212", "sip:+1(215)555-1212@h;user=phone", "sip:+12155551212@h"})
    void sign09_examplesAllCanonicaliseToTheSameDigits(String from) {
        assertThat(TelephoneNumber.parse(from, null).digits()).isEqualTo("12155551212");
        assertThat(TelephoneNumber.parse(from, "1").digits()).isEqualTo("12155551212");
    }

    @Test
    void sign09_serviceCodesKeepTheirStar() {
        assertThat(TelephoneNumber.parse("sip:*67@h", "1").digits()).isEqualTo("*67");
        assertThat(TelephoneNumber.parse("tel:#31", "1").digits()).isEqualTo("#31");
        assertThatThrownBy(() -> TelephoneNumber.parse("#31#", null)).isInstanceOf(NotATelephoneNumberException.class);
    }

    @Test
    void sign09_nationalNumberGetsTheConfiguredCountryCode() {
        assertThat(TelephoneNumber.parse("2155551212", "1").digits()).isEqualTo("12155551212");
        assertThat(TelephoneNumber.parse("2155551212", "+1").digits()).isEqualTo("12155551212");
        assertThat(TelephoneNumber.parse("2155551212", null).digits()).isEqualTo("2155551212");
    }

    @Test
    void apiExampleWithSpacesInTheUserPart() {
        assertThat(TelephoneNumber.parse("sip:+1 514-555-9876@ims.local;user=phone", "1")).hasToString("15145559876");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"Alice\" <sip:+1 514-555-9876@ims.local;user=phone>;tag=abc | 15145559876",
        "\"A <b>; c\" <sips:+15145559876@ims.local> | 15145559876",
        "Alice <sip:5145559876@ims.local;user=phone>;tag=1 | 15145559876",
        "<tel:+15145559876>;tag=x | 15145559876",
        "sip:+15145559876@ims.local;tag=abc | 15145559876",
        "SIP:+15145559876@IMS.LOCAL | 15145559876",
        "sip:%2B1514555%209876@ims.local | 15145559876",
        "sip:+15145559876;npdi;rn=+15145550000@ims.local;user=phone | 15145559876",
        "sip:+15145559876:secret@ims.local | 15145559876",
        "tel:+1.514.555.9876;ext=12;isub=abc | 15145559876",
        "tel:+15145559876;tgrp=tg1;trunk-context=example.com | 15145559876",
        "tel:+15145559876;cic=+11234;npdi | 15145559876",
        "tel:5145559876;phone-context=+1 | 15145559876",
        "tel:5145559876;phone-context=ims.local | 15145559876",
        "sip:5145559876;phone-context=+1@ims.local;user=phone | 15145559876",
        "+1 (514) 555-9876 | 15145559876",
        "15145559876 | 15145559876",
        "01133612345678 | 33612345678",
        "911 | 911",
        "12155551212@192.0.2.1 | 12155551212",
    })
    void acceptsTheFormsProxiesHandOver(String input, String digits) {
        assertThat(TelephoneNumber.parse(input, "1").digits()).isEqualTo(digits);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0612345678 | 33 | 33612345678",
        "0033612345678 | 33 | 33612345678",
        "tel:0612345678;phone-context=+33 | 1 | 33612345678",
        "612345678 | 33 | 612345678",
        "+33 6 12 34 56 78 | 1 | 33612345678",
    })
    void otherCountryCodesReplaceTheTrunkPrefix(String input, String cc, String digits) {
        assertThat(TelephoneNumber.parse(input, cc).digits()).isEqualTo(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:anonymous@anonymous.invalid", "\"Anonymous\" <sip:anonymous@anonymous.invalid>;tag=1",
        "sip:Anonymous@ims.local", "sip:+15145559876@anonymous.invalid", "anonymous", "tel:anonymous"})
    void anonymousCallersAreNamedAsSuch(String input) {
        assertThatThrownBy(() -> TelephoneNumber.parse(input, "1"))
                .isInstanceOf(NotATelephoneNumberException.class).hasMessage("the calling party is anonymous");
    }

    @Test
    void alphabeticUsersAreNotTelephoneNumbers() {
        assertThatThrownBy(() -> TelephoneNumber.parse("sip:alice@ims.local", "1"))
                .isInstanceOf(NotATelephoneNumberException.class)
                .hasMessage("user part 'alice' is not a telephone number");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'' | no number was given",
        "sip:ims.local | has no user part",
        "mailto:alice@example.org | scheme 'mailto'",
        "<sip:+15145559876@ims.local | without closing '>'",
        "\"Alice <sip:+15145559876@h> | display name",
        "\"Alice\" sip:+15145559876@h | no <URI>",
        "+1234567890123456 | 16 digits",
        "tel:+1-800-FLOWERS | not a telephone number",
        "sip:+1%ZZ@h | %-escape",
        "sip:+1%C3%A9@h | %-escape",
        "sip:@h | is not a telephone number",
        "+ | is not a telephone number",
        "* | is not a telephone number",
        "+*67 | is not a telephone number",
        "1*2 | is not a telephone number",
        "١٢٣ | is not a telephone number",
        "tel:123;phone-context=+abc | phone-context",
    })
    void refusalsSayWhy(String input, String reason) {
        assertThatThrownBy(() -> TelephoneNumber.parse(input, "1"))
                .isInstanceOf(NotATelephoneNumberException.class).hasMessageContaining(reason);
    }

    @Test
    void badDefaultCountryCodeIsAConfigurationError() {
        assertThatThrownBy(() -> TelephoneNumber.parse("2155551212", "1a"))
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(NotATelephoneNumberException.class)
                .hasMessageContaining("country code '1a'");
    }

    @Test
    void ofValidatesCanonicalForm() {
        assertThat(TelephoneNumber.of("15145559876").digits()).isEqualTo("15145559876");
        assertThatThrownBy(() -> TelephoneNumber.of("+15145559876")).isInstanceOf(NotATelephoneNumberException.class);
        assertThatThrownBy(() -> TelephoneNumber.of(null)).isInstanceOf(NotATelephoneNumberException.class);
    }
}
