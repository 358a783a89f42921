package io.callsign.signing;

import static io.callsign.signing.SigningFixture.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callsign.attestation.AttestationConfig;
import io.callsign.credentials.ActiveCredentials;
import io.callsign.http.JsonBodies;
import io.callsign.http.Problem;
import io.callsign.ops.Metrics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rtjson option through the signer: the document's routes carry exactly the Identity and Date of
 * the answer, an unsigned call gets its document back without them, the answer without the option is
 * unchanged, and any JSON value for {@code rtjson} gives an answer or a 400, never anything else.
 */
class SignRtjsonTest {

    private static final String TO_BOB = "\"to\":\"sip:+15145551234@ims.local\",\"ruri\":\"sip:+15145551234@gw.example;user=phone\"";

    @TempDir
    static Path labDir;
    private static ActiveCredentials credentials;
    private final SigningService service = SigningFixture.service(SigningFixture.enabled(), AttestationConfig.defaults(),
            credentials, CLOCK, new Metrics());

    @BeforeAll
    static void lab() {
        credentials = SigningFixture.labCredentials(labDir, CLOCK);
    }

    @Test
    void trueAnswersAOneRouteDocumentToTheRequestUriWithIdentityAndDate() throws Exception {
        SignResponse response = sign("{\"from\":\"sip:+15145559876@ims.local\"," + TO_BOB
                + ",\"authUser\":\"alice@ims.local\",\"rtjson\":true}");
        assertThat(response.attest()).isEqualTo("A");
        assertThat(JsonBodies.MAPPER.writeValueAsString(response.rtjson())).isEqualTo(
                "{\"version\":\"1.0\",\"routing\":\"serial\",\"routes\":[{\"uri\":\"sip:+15145551234@gw.example;user=phone\","
                        + "\"headers\":{\"extra\":\"Identity: " + response.identity() + "\\r\\nDate: Mon, 30 Nov 2026 03:00:00 GMT\\r\\n\"}}]}");
    }

    @Test
    void aGivenDateIsNotAddedAgainSoTheRoutesCarryOnlyTheIdentity() {
        SignResponse response = sign("{\"from\":\"sip:+15145559876@ims.local\"," + TO_BOB
                + ",\"date\":\"Mon, 30 Nov 2026 03:00:00 GMT\",\"rtjson\":{\"routes\":[{\"uri\":\"sip:a@gw1\"},{\"uri\":\"sip:a@gw2\","
                + "\"headers\":{\"extra\":\"X-Carrier: 2\\r\\n\"}}]}}");
        assertThat(response.identity()).isNotNull();
        assertThat(response.rtjson().path("routes").get(0).path("headers").path("extra").asText())
                .isEqualTo("Identity: " + response.identity() + "\r\n");
        assertThat(response.rtjson().path("routes").get(1).path("headers").path("extra").asText())
                .isEqualTo("X-Carrier: 2\r\nIdentity: " + response.identity() + "\r\n");
    }

    @Test
    void anUnsignedCallGetsItsDocumentBackUnchangedSoItRoutesUnsigned() {
        String document = "{\"version\":\"1.0\",\"routing\":\"parallel\",\"routes\":[{\"uri\":\"sip:a@gw1\","
                + "\"headers\":{\"extra\":\"X-Carrier: 1\\r\\n\"}}]}";
        SignResponse response = sign("{\"from\":\"sip:anonymous@anonymous.invalid\"," + TO_BOB + ",\"rtjson\":" + document + "}");
        assertThat(response.identity()).isNull();
        assertThat(response.rtjson()).isEqualTo(read(document));
    }

    @Test
    void withoutTheOptionTheAnswerHasTheSameSevenMembersAsBefore() throws Exception {
        for (String option : new String[] {"", ",\"rtjson\":null", ",\"rtjson\":false"}) {
            SignResponse response = sign("{\"from\":\"sip:+15145559876@ims.local\"," + TO_BOB + option + "}");
            JsonNode written = read(JsonBodies.MAPPER.writeValueAsString(response));
            assertThat(written.fieldNames()).toIterable().as(option)
                    .containsExactly("identity", "attest", "origid", "orig", "dest", "reason", "headers");
        }
    }

    /** Any JSON value as {@code rtjson}, over HTTP decoding and JSON-RPC params alike: an answer or a 400. */
    @Test
    void anyJsonValueForRtjsonGivesAnAnswerOrA400() {
        Random random = new Random(8588);
        int[] outcomes = new int[2];
        for (int i = 0; i < 2_000; i++) {
            JsonNode value = random.nextInt(3) == 0 ? document(random) : value(random, 0);
            String body = "{\"from\":\"sip:+15145559876@ims.local\"," + TO_BOB + ",\"rtjson\":" + value + "}";
            int http = outcome(body, () -> JsonBodies.read(body.getBytes(StandardCharsets.UTF_8), SignRequest.class));
            int rpc = outcome(body, () -> JsonBodies.read(read(body), SignRequest.class));
            assertThat(rpc).as(body).isEqualTo(http);
            outcomes[http]++;
        }
        assertThat(outcomes[0]).as("answers").isGreaterThan(200);
        assertThat(outcomes[1]).as("400s").isGreaterThan(200);
    }

    private int outcome(String body, java.util.function.Supplier<SignRequest> decode) {
        try {
            SignResponse response = service.sign(decode.get());
            assertThat(response.identity()).as(body).isNotNull();
            if (response.rtjson() != null) {
                response.rtjson().path("routes").forEach(route -> assertThat(route.path("headers").path("extra").asText())
                        .as(body).endsWith("Identity: " + response.identity() + "\r\nDate: Mon, 30 Nov 2026 03:00:00 GMT\r\n"));
            }
            return 0;
        } catch (Problem problem) {
            assertThat(problem.status()).as(body).isEqualTo(400);
            assertThat(problem.detail()).as(body).startsWith("field 'rtjson").doesNotContain("io.callsign");
            return 1;
        } catch (RuntimeException e) {
            return fail("%s threw %s", body, e);
        }
    }

    /** Something shaped like an rtjson document, often with one member of the wrong type. */
    private static JsonNode document(Random random) {
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("routing", "serial");
        var routes = document.putArray("routes");
        for (int i = random.nextInt(4); i > 0; i--) {
            ObjectNode route = routes.addObject().put("uri", "sip:b@gw" + i);
            switch (random.nextInt(5)) {
                case 0 -> route.putObject("headers").put("extra", "X-" + i + ": v\r\n");
                case 1 -> route.putObject("headers").set("extra", value(random, 2));
                case 2 -> route.set("headers", value(random, 2));
                case 3 -> routes.add(value(random, 2));
                default -> { }
            }
        }
        return document;
    }

    private static JsonNode value(Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(depth > 2 ? 6 : 8)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.numberNode(random.nextInt());
            case 3 -> f.numberNode(random.nextDouble());
            case 4 -> f.textNode("s\r\n\u0000" + random.nextInt());
            case 5 -> f.textNode("");
            case 6 -> {
                var array = f.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    array.add(value(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = f.objectNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    object.set(random.nextBoolean() ? "routes" : "headers", value(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private SignResponse sign(String body) {
        return service.sign(JsonBodies.read(body.getBytes(StandardCharsets.UTF_8), SignRequest.class));
    }

    private static JsonNode read(String json) {
        try {
            return JsonBodies.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
