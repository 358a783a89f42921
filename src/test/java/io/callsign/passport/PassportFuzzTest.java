package io.callsign.passport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Contract of both parsers: a value, or a {@link PassportException} with a reason and a detail; never
 * another exception, never a hang (SEC-14). Inputs are mutations of valid tokens and headers.
 */
class PassportFuzzTest {

    private static final String VALID_TOKEN = PassportCodec.sign(
            ShakenClaims.of("A", List.of("12155551213"), 1443208345L, "12155551212", "123e4567-e89b-12d3-a456-426655440000"),
            URI.create(TestTokens.X5U), TestKeys.PRIVATE);
    private static final String VALID_HEADER = IdentityHeaderCodec.format(VALID_TOKEN, URI.create(TestTokens.X5U));
    private static final String ALPHABET = "AZaz09-_.=+/ ;<>\"\\:,{}[]\r\n\t\u0000é";

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedTokensDecodeOrFailWithAReason() {
        Random random = new Random(7L);
        int decoded = 0;
        for (int i = 0; i < 10_000; i++) {
            String token = mutate(random, VALID_TOKEN);
            try {
                PassportCodec.decode(token);
                decoded++;
            } catch (PassportException refused) {
                assertThat(refused.reason()).isNotNull();
                assertThat(refused.detail()).isNotBlank();
            }
        }
        assertThat(decoded).isPositive();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedJsonInsideValidBase64DecodesOrFailsWithAReason() {
        Random random = new Random(11L);
        for (int i = 0; i < 5_000; i++) {
            String header = random.nextInt(3) == 0 ? mutate(random, TestTokens.HEADER) : TestTokens.HEADER;
            String payload = mutate(random, TestTokens.PAYLOAD);
            try {
                PassportCodec.decode(TestTokens.b64(header) + "." + TestTokens.b64(payload) + "." + VALID_TOKEN.split("\\.")[2]);
            } catch (PassportException refused) {
                assertThat(refused.detail()).isNotBlank();
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedIdentityHeadersParseOrFailWithAReason() {
        Random random = new Random(13L);
        int parsed = 0;
        for (int i = 0; i < 10_000; i++) {
            try {
                IdentityHeader header = IdentityHeaderCodec.parse(mutate(random, VALID_HEADER));
                assertThat(header.info().isAbsolute()).isTrue();
                parsed++;
            } catch (PassportException refused) {
                assertThat(refused.detail()).isNotBlank();
            }
        }
        assertThat(parsed).isPositive();
    }

    private static String mutate(Random random, String valid) {
        StringBuilder out = new StringBuilder(valid);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && out.length() > 0; e++) {
            int at = random.nextInt(out.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(4)) {
                case 0 -> out.setCharAt(at, c);
                case 1 -> out.insert(at, c);
                case 2 -> out.deleteCharAt(at);
                default -> out.insert(at, out.substring(at, Math.min(out.length(), at + random.nextInt(40))));
            }
        }
        return out.toString();
    }
}
