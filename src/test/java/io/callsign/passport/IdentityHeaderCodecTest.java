package io.callsign.passport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityHeaderCodecTest {

    private static final String TOKEN = "eyJh.eyJh.c2ln";
    private static final URI INFO = URI.create("https://cert.example.org/passport.pem");

    @Test
    void hdr01_formatIsOneLineWithInfoAlgAndPpt() {
        assertThat(IdentityHeaderCodec.format(TOKEN, INFO))
                .isEqualTo("eyJh.eyJh.c2ln;info=<https://cert.example.org/passport.pem>;alg=ES256;ppt=shaken");
    }

    @Test
    void hdr01_formatRefusesNonBase64UrlTokens() {
        assertThatThrownBy(() -> IdentityHeaderCodec.format("a+b.c.d", INFO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdentityHeaderCodec.format("a.b.c\r\nX: y", INFO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hdr01_parseRoundTripsFormat() {
        IdentityHeader header = IdentityHeaderCodec.parse(IdentityHeaderCodec.format(TOKEN, INFO));

        assertThat(header).isEqualTo(new IdentityHeader(TOKEN, INFO, "ES256", "shaken", Map.of()));
        assertThat(header.compactForm()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Identity: ", "identity:", "IDENTITY :", "y: ", "Y:", "  y\t:  "})
    void hdr03_headerNameAndCompactFormYArePeeledOff(String prefix) {
        IdentityHeader header = IdentityHeaderCodec.parse(prefix + TOKEN + ";info=<" + INFO + ">;alg=ES256;ppt=shaken");
        assertThat(header.token()).isEqualTo(TOKEN);
        assertThat(header.info()).isEqualTo(INFO);
    }

    @Test
    void hdr09_whitespaceAroundSemicolonsAndEqualsAndCaseInsensitiveNames() {
        IdentityHeader header = IdentityHeaderCodec.parse("Identity: " + TOKEN + " ; info = <" + INFO + "> ; alg=ES256;PPT=shaken");

        assertThat(header.token()).isEqualTo(TOKEN);
        assertThat(header.info()).isEqualTo(INFO);
        assertThat(header.alg()).isEqualTo("ES256");
        assertThat(header.ppt()).isEqualTo("shaken");
    }

    @Test
    void hdr09_foldedLinesAreUnfolded() {
        IdentityHeader header = IdentityHeaderCodec.parse(TOKEN + "\r\n ;info=<" + INFO + ">;\r\n\talg=ES256\n ;ppt=shaken");
        assertThat(header.ppt()).isEqualTo("shaken");
        assertThat(header.alg()).isEqualTo("ES256");
    }

    @Test
    void surroundingWhitespaceAndATrailingLineBreakAreTolerated() {
        assertThat(IdentityHeaderCodec.parse("  " + TOKEN + ";info=<" + INFO + ">\r\n").info()).isEqualTo(INFO);
    }

    @Test
    void hdr09_bareLineBreaksAreRejected() {
        assertInvalid(TOKEN + ";info=<" + INFO + ">\r\nVia: x", Reason.INVALID_IDENTITY_HEADER, "line break");
    }

    @Test
    void parametersInAnyOrderAndQuotedPpt() {
        IdentityHeader header = IdentityHeaderCodec.parse(TOKEN + ";ppt=\"shaken\";alg=ES256;info=<" + INFO + ">");
        assertThat(header.ppt()).isEqualTo("shaken");
        assertThat(header.info()).isEqualTo(INFO);
    }

    @Test
    void hdr05_absentAlgIsNullForTheCallerToDefault() {
        IdentityHeader header = IdentityHeaderCodec.parse(TOKEN + ";info=<" + INFO + ">;ppt=shaken");
        assertThat(header.alg()).isNull();
    }

    @Test
    void hdr06_absentPptIsNull() {
        assertThat(IdentityHeaderCodec.parse(TOKEN + ";info=<" + INFO + ">").ppt()).isNull();
    }

    @Test
    void hdr07_extraParametersAreKeptInOrder() {
        IdentityHeader header = IdentityHeaderCodec.parse(TOKEN + ";info=<" + INFO + ">;alg=ES256;ppt=shaken;Toto=titi;flag;q=\"a;b\"");
        assertThat(header.extensions()).containsExactly(Map.entry("toto", "titi"), Map.entry("flag", ""), Map.entry("q", "a;b"));
    }

    @Test
    void infoUriMayContainSemicolonsInsideAngleBrackets() {
        IdentityHeader header = IdentityHeaderCodec.parse(TOKEN + ";info=<https://a.example/c;v=1.pem>;ppt=shaken");
        assertThat(header.info()).hasToString("https://a.example/c;v=1.pem");
    }

    @Test
    void hdr10_infoMatchesX5uByExactStringComparison() {
        IdentityHeader header = IdentityHeaderCodec.parse(IdentityHeaderCodec.format(TOKEN, INFO));
        assertThat(header.infoMatches(URI.create("https://cert.example.org/passport.pem"))).isTrue();
        assertThat(header.infoMatches(URI.create("https://other.example.org/passport.pem"))).isFalse();
        assertThat(header.infoMatches(URI.create("HTTPS://cert.example.org/passport.pem"))).isFalse();
        assertThat(header.infoMatches(null)).isFalse();
    }

    @Test
    void hdr04_compactFormIsFlagged() {
        IdentityHeader header = IdentityHeaderCodec.parse("..c2lnbmF0dXJl;info=<" + INFO + ">;alg=ES256;ppt=shaken");
        assertThat(header.compactForm()).isTrue();
    }

    @Test
    void hdr01_missingInfoIsBadIdentityInfo() {
        assertInvalid(TOKEN + ";alg=ES256;ppt=shaken", Reason.BAD_IDENTITY_INFO, "no info parameter");
        assertInvalid(TOKEN, Reason.BAD_IDENTITY_INFO, "no info parameter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"info=https://cert.example.org/c.pem", "info=\"https://cert.example.org/c.pem\"", "info=<>",
        "info=</relative.pem>", "info=<https://a b/>", "info=<https://a.example/c.pem", "info"})
    void hdr01_infoMustBeAnAbsoluteUriInAngleBrackets(String info) {
        assertInvalid(TOKEN + ";" + info + ";ppt=shaken", Reason.BAD_IDENTITY_INFO, "info");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ";info=<https://a/c.pem>", "Identity:", "tok;;info=<https://a/c.pem>",
        "tok;info=<https://a/c.pem>;info=<https://b/c.pem>", "tok;info=<https://a/c.pem> junk", "tok;ppt=\"shaken"})
    void malformedHeadersAreInvalid(String value) {
        assertThatThrownBy(() -> IdentityHeaderCodec.parse(value)).isInstanceOfSatisfying(PassportException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_IDENTITY_HEADER));
    }

    @Test
    void tokenWithControlOrNonAsciiCharactersIsInvalid() {
        assertInvalid("eyJh\u0000.b.c;info=<" + INFO + ">", Reason.INVALID_IDENTITY_HEADER, "U+0000");
        assertInvalid("eyJhé.b.c;info=<" + INFO + ">", Reason.INVALID_IDENTITY_HEADER, "U+00E9");
    }

    @Test
    void sec09_oversizedHeaderIsRejectedBeforeParsing() {
        assertInvalid("a".repeat(1 << 20) + ";info=<" + INFO + ">", Reason.INVALID_IDENTITY_HEADER, "the limit is 8192");
    }

    private static void assertInvalid(String value, Reason reason, String detail) {
        assertThatThrownBy(() -> IdentityHeaderCodec.parse(value))
                .isInstanceOfSatisfying(PassportException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(detail);
    }
}
