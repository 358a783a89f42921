package io.callsign.passport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassportCodecTest {

    private static final URI X5U = URI.create(TestTokens.X5U);
    private static final String ORIGID = "123e4567-e89b-12d3-a456-426655440000";
    private static final ShakenClaims CLAIMS =
            ShakenClaims.of("A", List.of("12155551213"), 1443208345L, "12155551212", ORIGID);

    @Test
    void sign01_04_10_headerIsExactlyTheCanonicalShakenHeader() {
        assertThat(PassportCodec.encodeHeader(X5U)).isEqualTo(
                "{\"alg\":\"ES256\",\"ppt\":\"shaken\",\"typ\":\"passport\",\"x5u\":\"https://cert.example.org/passport.pem\"}");
    }

    @Test
    void sign05_to_10_payloadIsCanonicalWithIntegerIatAndTnArrays() {
        assertThat(PassportCodec.encodePayload(CLAIMS)).isEqualTo("{\"attest\":\"A\",\"dest\":{\"tn\":[\"12155551213\"]},"
                + "\"iat\":1443208345,\"orig\":{\"tn\":\"12155551212\"},\"origid\":\"" + ORIGID + "\"}");
    }

    @Test
    void sign08_severalDestinationsAreSortedLexicographically() {
        ShakenClaims claims = ShakenClaims.of("C", List.of("33612345678", "*67", "12155551213"), 0, "12155551212", ORIGID);
        assertThat(PassportCodec.encodePayload(claims))
                .contains("\"dest\":{\"tn\":[\"*67\",\"12155551213\",\"33612345678\"]}")
                .contains("\"iat\":0,");
    }

    @Test
    void goldenVectorSignedByOpensslHasOurExactBytesAndVerifies() {
        String golden = TestKeys.resource("golden-shaken.jws").strip();
        String[] parts = golden.split("\\.");
        assertThat(decodeSegment(parts[0])).isEqualTo(PassportCodec.encodeHeader(X5U));
        assertThat(decodeSegment(parts[1])).isEqualTo(PassportCodec.encodePayload(CLAIMS));

        DecodedPassport decoded = PassportCodec.decode(golden);
        assertThat(decoded.claims()).isEqualTo(CLAIMS);
        assertThat(decoded.x5u()).isEqualTo(X5U);
        assertThat(decoded.canonical()).isTrue();
        for (ProviderChoice choice : ProviderChoice.values()) {
            assertThat(decoded.verifiedBy(Es256.on(choice).verifierFor(TestKeys.PUBLIC))).as(choice.name()).isTrue();
        }
    }

    @Test
    void sign11_12_tokenIsThreeUnpaddedBase64UrlSegmentsWithA64ByteSignature() {
        String jws = PassportCodec.sign(CLAIMS, X5U, TestKeys.PRIVATE);

        assertThat(jws).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        String[] parts = jws.split("\\.");
        assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(64);
        assertThat(decodeSegment(parts[0])).isEqualTo(PassportCodec.encodeHeader(X5U));
        assertThat(decodeSegment(parts[1])).isEqualTo(PassportCodec.encodePayload(CLAIMS));
    }

    @Test
    void roundTripSignDecodeVerifyOnEveryProvider() {
        for (ProviderChoice signer : List.of(ProviderChoice.ACCP, ProviderChoice.BOUNCY_CASTLE, ProviderChoice.JDK)) {
            String jws = PassportCodec.sign(CLAIMS, X5U, Es256.on(signer).signerFor(TestKeys.PRIVATE));
            DecodedPassport decoded = PassportCodec.decode(jws);

            assertThat(decoded.claims()).isEqualTo(CLAIMS);
            assertThat(decoded.signingInput())
                    .isEqualTo(jws.substring(0, jws.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII));
            for (ProviderChoice verifier : List.of(ProviderChoice.ACCP, ProviderChoice.BOUNCY_CASTLE, ProviderChoice.JDK)) {
                assertThat(decoded.verifiedBy(Es256.on(verifier).verifierFor(TestKeys.PUBLIC)))
                        .as(signer + " -> " + verifier).isTrue();
            }
        }
    }

    @Test
    void ver12_anyFlippedBitFailsVerification() {
        String jws = PassportCodec.sign(CLAIMS, X5U, TestKeys.PRIVATE);
        Es256.Verifier verifier = Es256.active().verifierFor(TestKeys.PUBLIC);
        DecodedPassport decoded = PassportCodec.decode(jws);
        byte[] input = decoded.signingInput();
        byte[] sig = decoded.signature();

        input[input.length - 1] ^= 1;
        assertThat(verifier.verify(input, decoded.signature())).isFalse();
        sig[10] ^= 1;
        assertThat(verifier.verify(decoded.signingInput(), sig)).isFalse();
        assertThat(decoded.verifiedBy(verifier)).isTrue();
    }

    @Test
    void ver21_theCanonicalFormIsJudgedOnlyWhenAsked() {
        String golden = TestKeys.resource("golden-shaken.jws").strip();

        DecodedPassport judged = PassportCodec.decode(golden, true);
        DecodedPassport unjudged = PassportCodec.decode(golden, false);

        assertThat(judged.canonical()).isTrue();
        assertThat(unjudged.canonical()).isFalse();
        assertThat(unjudged.claims()).isEqualTo(judged.claims());
        assertThat(unjudged.signingInput()).isEqualTo(judged.signingInput());
        assertThat(unjudged.verifiedBy(Es256.active().verifierFor(TestKeys.PUBLIC))).isTrue();
    }

    @Test
    void ver21_signingInputIsTheReceivedBytesEvenWhenNotCanonical() {
        String payload = "{\"origid\":\"" + ORIGID + "\",\"attest\":\"A\",\"dest\":{\"tn\":[\"12155551213\"]},"
                + "\"iat\":1443208345,\"orig\":{\"tn\":\"12155551212\"}}";
        String jws = TestTokens.withPayload(payload);

        DecodedPassport decoded = PassportCodec.decode(jws);

        assertThat(decoded.canonical()).isFalse();
        assertThat(decoded.claims()).isEqualTo(CLAIMS);
        assertThat(decoded.verifiedBy(Es256.active().verifierFor(TestKeys.PUBLIC))).isTrue();
    }

    @Test
    void sign14_signingRefusesANonUuidOrigid() {
        ShakenClaims foreign = new ShakenClaims("A", List.of("12155551213"), 1, "12155551212", "not-a-uuid");
        assertThatThrownBy(() -> PassportCodec.sign(foreign, X5U, TestKeys.PRIVATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not-a-uuid");
    }

    @Test
    void headerRefusesARelativeX5u() {
        assertThatThrownBy(() -> PassportCodec.encodeHeader(URI.create("/cert.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
    }

    @Test
    void jsonStringsEscapeQuotesBackslashesAndControlsOnly() {
        StringBuilder out = CanonicalJson.string(new StringBuilder(), "a\"b\\c\n\u0001/é\u2028");
        assertThat(out.toString()).isEqualTo("\"a\\\"b\\\\c\\n\\u0001/é\u2028\"");
    }

    @Test
    void x5uWithEscapedCharactersIsWrittenInAsciiForm() {
        URI x5u = URI.create("https://cert.example.org/a%20b/c.pem?x=%22");
        assertThat(PassportCodec.encodeHeader(x5u)).endsWith("\"x5u\":\"https://cert.example.org/a%20b/c.pem?x=%22\"}");
    }

    private static String decodeSegment(String segment) {
        return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
    }
}
