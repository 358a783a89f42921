package io.callsign.passport;

import static io.callsign.passport.TestTokens.HEADER;
import static io.callsign.passport.TestTokens.PAYLOAD;
import static io.callsign.passport.TestTokens.b64;
import static io.callsign.passport.TestTokens.signed;
import static io.callsign.passport.TestTokens.withHeader;
import static io.callsign.passport.TestTokens.withPayload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Hostile and malformed tokens (CONFORMANCE.md §7 SEC-01..09, VER-02/03/09/10, EXT-03). */
class PassportDecoderTest {

    private static final String SIGNATURE = TestTokens.withPayload(PAYLOAD).split("\\.")[2];

    @Test
    void wellFormedTokenDecodes() {
        assertThat(PassportCodec.decode(withPayload(PAYLOAD)).claims().origTn()).isEqualTo("12155551212");
    }

    @Test
    void sec01_algNoneIsRejectedWithOrWithoutSignature() {
        String none = HEADER.replace("ES256", "none");
        assertInvalid(b64(none) + "." + b64(PAYLOAD) + ".", "alg 'none'");
        assertInvalid(b64(none) + "." + b64(PAYLOAD) + "." + SIGNATURE, "alg 'none'");
    }

    @Test
    void sec02_hs256KeyedWithThePublicKeyBytesIsRejected() throws Exception {
        String input = b64(HEADER.replace("ES256", "HS256")) + "." + b64(PAYLOAD);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestKeys.PUBLIC.getEncoded(), "HmacSHA256"));
        String jws = input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));

        assertInvalid(jws, "alg 'HS256' is refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES384", "ES512", "EdDSA", "es256", "ES256 ", ""})
    void sec02_ver04_onlyExactlyEs256IsAllowed(String alg) {
        assertInvalid(withHeader(HEADER.replace("\"ES256\"", "\"" + alg + "\"")), "only ES256");
    }

    @Test
    void sec02_algAsNonStringIsRejected() {
        assertInvalid(withHeader(HEADER.replace("\"ES256\"", "[\"ES256\"]")), "'alg' is array");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"alg\":\"ES256\",\"alg\":\"none\",\"ppt\":\"shaken\",\"typ\":\"passport\",\"x5u\":\"https://a/c.pem\"}",
        "{\"alg\":\"ES256\",\"al\\u0067\":\"none\",\"ppt\":\"shaken\",\"typ\":\"passport\",\"x5u\":\"https://a/c.pem\"}",
        "{\"alg\":\"ES256\",\"ppt\":\"shaken\",\"ppt\":\"div\",\"typ\":\"passport\",\"x5u\":\"https://a/c.pem\"}",
        "{\"alg\":\"ES256\",\"ppt\":\"shaken\",\"typ\":\"passport\",\"x5u\":\"https://a/c.pem\",\"x5u\":\"https://b/c.pem\"}"
    })
    void sec03_duplicateHeaderMembersAreRejectedEvenWhenEscaped(String header) {
        assertInvalid(withHeader(header), "Duplicate field");
    }

    @Test
    void sec03_duplicateClaimsAreRejected() {
        assertInvalid(withPayload(PAYLOAD.replace("\"iat\":1443208345", "\"iat\":1790000000,\"iat\":0")), "Duplicate field 'iat'");
        assertInvalid(withPayload(PAYLOAD.replace("{\"tn\":\"12155551212\"}", "{\"tn\":\"12155551212\",\"t\\u006e\":\"1\"}")),
                "Duplicate field 'tn'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"x\"]", "[]", "[\"alg\"]", "[\"ppt\"]", "\"ppt\""})
    void sec04_anyCritIsRejected(String crit) {
        assertInvalid(withHeader(HEADER.replace("{\"alg\"", "{\"crit\":" + crit + ",\"alg\"")), "crit");
    }

    @Test
    void sec05_embeddedKeysAreIgnoredAndNeverReplaceX5u() {
        KeyPair attacker = TestKeys.generate("secp256r1");
        String header = HEADER.replace("{\"alg\"", "{\"jwk\":{\"kty\":\"EC\"},\"kid\":\"../../etc/passwd\",\"x5c\":[\"MIIB\"],\"alg\"");
        String input = b64(header) + "." + b64(PAYLOAD);
        byte[] sig = Es256.active().sign(attacker.getPrivate(), input.getBytes(StandardCharsets.US_ASCII));

        DecodedPassport decoded = PassportCodec.decode(input + "." + b64(sig));

        assertThat(decoded.x5u()).hasToString(TestTokens.X5U);
        assertThat(decoded.verifiedBy(Es256.active().verifierFor(TestKeys.PUBLIC))).isFalse();
    }

    @Test
    void sec06_allZeroSignatureIsRejected() {
        assertInvalid(tokenWithSignature(new byte[64]), "signature r is zero");
    }

    @Test
    void sec06_rOrSEqualToTheCurveOrderIsRejected() {
        byte[] n = unsigned32(EcdsaP256.N);
        byte[] rIsN = validSignature();
        System.arraycopy(n, 0, rIsN, 0, 32);
        assertInvalid(tokenWithSignature(rIsN), "signature r is not below the curve order");
        byte[] sIsN = validSignature();
        System.arraycopy(n, 0, sIsN, 32, 32);
        assertInvalid(tokenWithSignature(sIsN), "signature s is not below the curve order");
        byte[] sIsZero = validSignature();
        Arrays.fill(sIsZero, 32, 64, (byte) 0);
        assertInvalid(tokenWithSignature(sIsZero), "signature s is zero");
    }

    @Test
    void sec07_derEncodedSignatureOfTheRightValueIsRejected() {
        byte[] der = EcdsaP256.rawToDer(validSignature());
        assertThat(der.length).isBetween(68, 72);
        assertInvalid(tokenWithSignature(der), "signature is " + der.length + " bytes, ES256 needs 64");
    }

    @Test
    void sec07_shortAndEmptySignaturesAreRejected() {
        assertInvalid(tokenWithSignature(new byte[63]), "signature is 63 bytes");
        assertInvalid(withPayload(PAYLOAD).replaceAll("\\.[^.]*$", "."), "signature segment is empty");
    }

    @Test
    void sec08_twoOrFourSegmentsAreRejected() {
        String jws = withPayload(PAYLOAD);
        assertInvalid(jws.substring(0, jws.lastIndexOf('.')), "has 2 segments");
        assertInvalid(jws + "." + SIGNATURE, "has 4 segments");
        assertInvalid("abc", "has 1 segments");
    }

    @Test
    void sec08_paddingPlusSlashAndWhitespaceAreRejected() {
        String jws = withPayload(PAYLOAD);
        String[] p = jws.split("\\.");
        String paddedSig = b64(validSignature()) + "=";
        assertInvalid(p[0] + "." + p[1] + "." + paddedSig, "signature segment has '='");
        assertInvalid(p[0] + "==." + p[1] + "." + p[2], "header segment has '='");
        assertInvalid(p[0] + "." + p[1] + "." + "+" + p[2].substring(1), "signature segment has '+' at offset 0");
        assertInvalid(p[0] + "." + p[1] + "." + "/" + p[2].substring(1), "signature segment has '/' at offset 0");
        assertInvalid(p[0] + "." + p[1].substring(0, 8) + " " + p[1].substring(8) + "." + p[2], "payload segment has U+0020");
        assertInvalid(p[0] + "." + p[1] + "\n." + p[2], "payload segment has U+000A");
    }

    @Test
    void sec08_nonCanonicalTrailingBitsAreRejected() {
        String jws = withPayload(PAYLOAD);
        String sig = jws.substring(jws.lastIndexOf('.') + 1);
        assertThat(sig).hasSize(86); // 64 bytes: 4 unused bits in the last character
        char last = sig.charAt(85);
        String tweaked = sig.substring(0, 85) + (char) (last + 1);
        assertInvalid(jws.substring(0, jws.lastIndexOf('.') + 1) + tweaked, "not canonical base64url");
    }

    @Test
    void compactFormIsReportedAsUnsupported() {
        assertInvalid(".." + SIGNATURE, "compact form");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1443208345\"", "1443208345.0", "1e10", "1.443208345E9", "-1", "true", "null",
        "99999999999999999999", "{}", "[1443208345]"})
    void sec09_sign06_iatMustBeANonNegativeJsonInteger(String iat) {
        assertInvalid(withPayload(PAYLOAD.replace("1443208345", iat)), "iat");
    }

    @Test
    void sec09_tenThousandLevelsOfNestingAreRejectedWithoutStackOverflow() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertInvalid(withPayload(PAYLOAD.replace("{\"attest\"", "{\"x\":" + deep + ",\"attest\"")), "the limit is 8192");
        // Below the size limit the depth limit is what stops it, in the JSON reader itself.
        assertThatThrownBy(() -> PassportJson.object("payload", "{\"x\":" + deep + "}"))
                .isInstanceOf(PassportException.class).hasMessageContaining("nesting depth");
        String fifty = "[".repeat(50) + "]".repeat(50);
        assertInvalid(withPayload(PAYLOAD.replace("{\"attest\"", "{\"x\":" + fifty + ",\"attest\"")), "nesting depth");
        assertInvalid(withHeader(HEADER.replace("{\"alg\"", "{\"x\":" + fifty + ",\"alg\"")), "nesting depth");
    }

    @Test
    void sec09_oneMegabyteTokenIsRejectedBeforeAnyDecoding() {
        String huge = "A".repeat(1 << 20) + "." + "A".repeat(10) + "." + SIGNATURE;
        long start = System.nanoTime();
        assertInvalid(huge, "the limit is 8192");
        assertThat(System.nanoTime() - start).isLessThan(50_000_000L);
    }

    @Test
    void sec09_origidLongerThan64IsRejected() {
        assertInvalid(withPayload(PAYLOAD.replace("123e4567-e89b-12d3-a456-426655440000", "x".repeat(65))), "origid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"attest", "dest", "iat", "orig", "origid"})
    void ver09_eachMissingClaimIsRejected(String claim) {
        String payload = switch (claim) {
            case "attest" -> PAYLOAD.replace("\"attest\":\"A\",", "");
            case "dest" -> PAYLOAD.replace("\"dest\":{\"tn\":[\"12155551213\"]},", "");
            case "iat" -> PAYLOAD.replace("\"iat\":1443208345,", "");
            case "orig" -> PAYLOAD.replace("\"orig\":{\"tn\":\"12155551212\"},", "");
            default -> PAYLOAD.replace(",\"origid\":\"123e4567-e89b-12d3-a456-426655440000\"", "");
        };
        assertThat(payload).isNotEqualTo(PAYLOAD);
        assertInvalid(withPayload(payload), "payload has no '" + claim + "' claim");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"D\"", "\"a\"", "\"\"", "1", "\"AB\"", "null"})
    void ver10_attestOutsideABCIsRejected(String attest) {
        assertInvalid(withPayload(PAYLOAD.replace("\"A\"", attest)), "attest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"tn\":\"12155551213\"}", "{\"tn\":[]}", "{\"tn\":[12155551213]}", "{\"uri\":[\"sip:a@b\"]}",
        "[\"12155551213\"]", "{\"tn\":[\"+12155551213\"]}", "{\"tn\":[\"1215555121312345\"]}"})
    void sign08_destMustBeATnArrayOfCanonicalNumbers(String dest) {
        assertInvalid(withPayload(PAYLOAD.replace("{\"tn\":[\"12155551213\"]}", dest)), "dest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"tn\":[\"12155551212\"]}", "{\"tn\":12155551212}", "\"12155551212\"",
        "{\"tn\":\"12155551212\",\"uri\":\"sip:a@b\"}", "{\"tn\":\"1-215-555-1212\"}"})
    void sign07_origMustBeExactlyOneTnString(String orig) {
        assertInvalid(withPayload(PAYLOAD.replace("{\"tn\":\"12155551212\"}", orig)), "orig");
    }

    @Test
    void ext03_unknownExtraClaimsAreAcceptedAndCoveredBySignature() {
        String payload = PAYLOAD.replace("{\"attest\"", "{\"foo\":\"bar\",\"rcd\":{\"nam\":\"Alice\",\"jcd\":[1,{\"a\":true}]},\"attest\"");
        DecodedPassport decoded = PassportCodec.decode(withPayload(payload));

        assertThat(decoded.claims().attest()).isEqualTo("A");
        assertThat(decoded.verifiedBy(Es256.active().verifierFor(TestKeys.PUBLIC))).isTrue();
    }

    @Test
    void ext03_destMayCarryUrisNextToTns() {
        String payload = PAYLOAD.replace("{\"tn\":[\"12155551213\"]}", "{\"tn\":[\"12155551213\"],\"uri\":[\"sip:bob@example.org\"]}");
        assertThat(PassportCodec.decode(withPayload(payload)).claims().destTns()).containsExactly("12155551213");
    }

    @Test
    void ver02_otherPptIsUnsupportedNotInvalid() {
        assertThatThrownBy(() -> PassportCodec.decode(withHeader(HEADER.replace("shaken", "div"))))
                .isInstanceOfSatisfying(PassportException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.USE_SUPPORTED_PASSPORT_FORMAT))
                .hasMessageContaining("ppt 'div' is not supported");
    }

    @Test
    void sign04_missingPptIsInvalid() {
        assertInvalid(withHeader(HEADER.replace("\"ppt\":\"shaken\",", "")), "header has no 'ppt'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JWT", "PASSPORT", "passport "})
    void ver03_typMustBePassport(String typ) {
        assertInvalid(withHeader(HEADER.replace("\"passport\"", "\"" + typ + "\"")), "typ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"/relative.pem\"", "42", "\"https://a b/c\"", "\"mailto:x@y\""})
    void x5uMustBeAnAbsoluteUriString(String x5u) {
        assertInvalid(withHeader(HEADER.replace("\"" + TestTokens.X5U + "\"", x5u)), "x5u");
    }

    @Test
    void jsonMustBeOneObjectInStrictUtf8() {
        assertInvalid(signed(HEADER, PAYLOAD + " x"), "payload is not acceptable JSON");
        assertInvalid(signed(HEADER, "[" + PAYLOAD + "]"), "payload is not a JSON object");
        assertInvalid(signed("{'alg':'ES256'}", PAYLOAD), "header is not acceptable JSON");
        String badUtf8 = b64(HEADER) + "." + b64(new byte[] {'{', (byte) 0xC3, '}'}) + "." + SIGNATURE;
        assertInvalid(badUtf8, "payload is not valid UTF-8");
    }

    @Test
    void emptyAndNullTokensAreRejected() {
        assertInvalid("", "no PASSporT");
        assertInvalid(null, "no PASSporT");
    }

    private static String tokenWithSignature(byte[] signature) {
        String jws = withPayload(PAYLOAD);
        return jws.substring(0, jws.lastIndexOf('.') + 1) + b64(signature);
    }

    private static byte[] validSignature() {
        String jws = withPayload(PAYLOAD);
        return java.util.Base64.getUrlDecoder().decode(jws.substring(jws.lastIndexOf('.') + 1));
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        return Arrays.copyOfRange(raw, raw.length - 32, raw.length);
    }

    private static AbstractThrowableAssert<?, ?> assertInvalid(String jws, String detail) {
        return assertThatThrownBy(() -> PassportCodec.decode(jws))
                .isInstanceOfSatisfying(PassportException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_IDENTITY_HEADER))
                .hasMessageContaining(detail);
    }
}
