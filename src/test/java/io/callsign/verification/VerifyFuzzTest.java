package io.callsign.verification;

import static io.callsign.verification.Fixture.NOW;
import static io.callsign.verification.Fixture.date;
import static io.callsign.verification.Fixture.identity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.callsign.http.JsonBodies;
import io.callsign.http.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SEC-09, SEC-14: whatever the Identity headers or the request body hold, the answer is a verdict or
 * a 400 problem naming the field; never another exception, never a hang.
 */
class VerifyFuzzTest {

    private static final Set<String> VERSTATS = Set.of("TN-Validation-Passed", "TN-Validation-Failed", "No-TN-Validation");
    private static final String ALPHABET = "abcXYZ019-_.;=<>\"\\ \t\r\n,:@+/%\u00e9\u0000{}[]";

    private final Fixture.FakeCredentials credentials = Fixture.FakeCredentials.standard();
    private final VerificationService service = Fixture.service(VerificationConfig.defaults(), credentials);
    private final Random random = new Random(8224);

    private String mutate(String text) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && out.length() > 0; i++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(5)) {
                case 0 -> out.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> out.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> out.deleteCharAt(at);
                case 3 -> out.setLength(at);
                default -> out.insert(at, out.substring(at, Math.min(out.length(), at + 1 + random.nextInt(40))));
            }
        }
        return out.toString();
    }

    private String noise(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    private void assertVerdict(VerifyResponse response) {
        assertThat(response.verstat()).isIn(VERSTATS);
        if (!"TN-Validation-Passed".equals(response.verstat())) {
            assertThat(response.attest()).isNull();
        }
    }

    @Test
    void sec14_mutatedAndRandomIdentityHeadersAlwaysGiveAVerdict() {
        String valid = identity();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 3000; i++) {
                String header = i % 3 == 0 ? noise(random.nextInt(300)) : mutate(valid);
                assertVerdict(service.verify(Fixture.request(List.of(header), date(NOW))));
            }
        });
    }

    @Test
    void sec09_hugeHeadersAreRefusedCheaply() {
        String huge = identity() + ";x=" + "a".repeat(1_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            VerifyResponse response = service.verify(Fixture.request(List.of(huge, huge, huge), date(NOW)));
            assertThat(response.verstat()).isEqualTo("TN-Validation-Failed");
            assertThat(response.results()).allSatisfy(r -> assertThat(r.code()).isEqualTo(438));
        });
    }

    @Test
    void mutatedRequestBodiesGiveAVerdictOrANamed400() {
        String body = "{\"identity\":[\"" + identity() + "\"],\"from\":\"" + Fixture.FROM.replace("\"", "\\\"")
                + "\",\"to\":\"" + Fixture.TO + "\",\"date\":\"" + date(NOW) + "\",\"callId\":\"c\"}";
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 3000; i++) {
                byte[] mutated = mutate(body).getBytes(StandardCharsets.UTF_8);
                VerifyRequest request;
                try {
                    request = JsonBodies.read(mutated, VerifyRequest.class);
                } catch (Problem problem) {
                    assertThat(problem.status()).isEqualTo(400);
                    continue;
                }
                if (request != null) {
                    assertVerdict(service.verify(request));
                }
            }
        });
    }

    @Test
    void aSingleStringIdentityIsAListOfOneAndWrongTypesNameTheField() {
        VerifyRequest single = JsonBodies.read(("{\"identity\":\"" + identity() + "\",\"from\":\"" + "tel:+15145559876"
                + "\",\"to\":\"tel:+15145551234\"}").getBytes(StandardCharsets.UTF_8), VerifyRequest.class);

        assertThat(single.identity()).hasSize(1);
        assertThat(service.verify(single).verstat()).isEqualTo("TN-Validation-Passed");
        assertThatThrownBy(() -> JsonBodies.read("{\"identity\":{\"a\":1}}".getBytes(StandardCharsets.UTF_8),
                VerifyRequest.class)).isInstanceOf(Problem.class).hasMessageContaining("field 'identity");
        assertThatThrownBy(() -> JsonBodies.read("{\"from\":[\"x\"]}".getBytes(StandardCharsets.UTF_8),
                VerifyRequest.class)).isInstanceOf(Problem.class).hasMessageContaining("'from'");
        for (String shape : List.of("[]", "5", "\"x\"")) {
            assertThatThrownBy(() -> JsonBodies.read(shape.getBytes(StandardCharsets.UTF_8), VerifyRequest.class))
                    .as("SEC-14: no Java class names").isInstanceOf(Problem.class)
                    .hasMessageStartingWith("the request body must be a JSON object");
        }
        VerifyRequest none = JsonBodies.read("{\"identity\":null}".getBytes(StandardCharsets.UTF_8), VerifyRequest.class);
        assertThat(service.verify(none).verstat()).isEqualTo("No-TN-Validation");
    }
}
