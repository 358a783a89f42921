package io.callsign.passport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/** Our tokens are ordinary ES256 JWS to an independent library, and its tokens are to us. */
class Jose4jInteropTest {

    private static final ShakenClaims CLAIMS = ShakenClaims.of("B", List.of("12155551213", "12155551214"),
            1_700_000_000L, "12155551212", "123e4567-e89b-12d3-a456-426655440000");

    @Test
    void jose4jVerifiesOurTokenAndSeesOurExactPayload() throws Exception {
        String token = PassportCodec.sign(CLAIMS, URI.create(TestTokens.X5U), TestKeys.PRIVATE);

        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "ES256"));
        jws.setCompactSerialization(token);
        jws.setKey(TestKeys.PUBLIC);

        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getPayload()).isEqualTo(PassportCodec.encodePayload(CLAIMS));
        assertThat(jws.getHeaders().getFullHeaderAsJsonString()).isEqualTo(PassportCodec.encodeHeader(URI.create(TestTokens.X5U)));
    }

    @Test
    void weDecodeAndVerifyATokenSignedByJose4jOverOurCanonicalBytes() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.getHeaders().setFullHeaderAsJsonString(PassportCodec.encodeHeader(URI.create(TestTokens.X5U)));
        jws.setPayload(PassportCodec.encodePayload(CLAIMS));
        jws.setKey(TestKeys.PRIVATE);
        String token = jws.getCompactSerialization();

        DecodedPassport decoded = PassportCodec.decode(token);

        assertThat(decoded.claims()).isEqualTo(CLAIMS);
        assertThat(decoded.canonical()).isTrue();
        assertThat(decoded.verifiedBy(Es256.active().verifierFor(TestKeys.PUBLIC))).isTrue();
    }
}
