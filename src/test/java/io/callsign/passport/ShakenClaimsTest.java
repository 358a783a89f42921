package io.callsign.passport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShakenClaimsTest {

    private static final String UUID = "123e4567-e89b-12d3-a456-426655440000";

    @Test
    void sign08_destIsSortedAndDeduplicated() {
        ShakenClaims claims = new ShakenClaims("B", List.of("2", "10", "2", "*67"), 5, "1", UUID);
        assertThat(claims.destTns()).containsExactly("*67", "10", "2");
        assertThatThrownBy(() -> claims.destTns().add("3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"D", "a", "", "AB", " A"})
    void sign13_attestIsAOrBOrC(String attest) {
        assertThatThrownBy(() -> new ShakenClaims(attest, List.of("1"), 0, "1", UUID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+12155551212", "1-215", "", "1234567890123456", "**1", "1*", "１２"})
    void sign09_numbersMustBeCanonical(String tn) {
        assertThatThrownBy(() -> new ShakenClaims("A", List.of("1"), 0, tn, UUID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orig.tn");
        assertThatThrownBy(() -> new ShakenClaims("A", List.of(tn), 0, "1", UUID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dest.tn");
    }

    @Test
    void sign08_atLeastOneDestination() {
        assertThatThrownBy(() -> new ShakenClaims("A", List.of(), 0, "1", UUID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    @Test
    void sign06_iatIsNotNegative() {
        assertThatThrownBy(() -> new ShakenClaims("A", List.of("1"), -1, "1", UUID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iat -1");
    }

    @Test
    void sign14_ofRequiresAUuidWhileTheConstructorAcceptsForeignIds() {
        assertThat(new ShakenClaims("A", List.of("1"), 0, "1", "carrier-7f3a").origidIsUuid()).isFalse();
        assertThat(ShakenClaims.of("A", List.of("1"), 0, "1", UUID).origidIsUuid()).isTrue();
        assertThatThrownBy(() -> ShakenClaims.of("A", List.of("1"), 0, "1", "carrier-7f3a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a UUID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "tab\t", "é"})
    void origidIsPrintableAscii(String origid) {
        assertThatThrownBy(() -> new ShakenClaims("A", List.of("1"), 0, "1", origid))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origid");
    }

    @Test
    void reasonsMapToRfc8224CodesAndPhrases() {
        assertThat(Reason.STALE_DATE.sipCode()).isEqualTo(403);
        assertThat(Reason.USE_SUPPORTED_PASSPORT_FORMAT.phrase()).isEqualTo("Use Supported PASSporT Format");
        assertThat(Reason.BAD_IDENTITY_INFO.sipCode()).isEqualTo(436);
        assertThat(Reason.UNSUPPORTED_CREDENTIAL.phrase()).isEqualTo("Unsupported Credential");
        assertThat(Reason.INVALID_IDENTITY_HEADER.sipCode()).isEqualTo(438);
        assertThat(Reason.USE_IDENTITY_HEADER.verstat()).isEqualTo("No-TN-Validation");
        assertThat(Reason.INVALID_IDENTITY_HEADER.verstat()).isEqualTo("TN-Validation-Failed");
    }
}
