package io.callsign.signing;

import static io.callsign.signing.SigningFixture.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.attestation.AttestationConfig;
import io.callsign.attestation.AttestationMode;
import io.callsign.attestation.OverridePolicy;
import io.callsign.http.JsonBodies;
import io.callsign.http.Problem;
import io.callsign.ops.Metrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract of the call path's input side: for any body, decoding plus signing returns a
 * {@link SignResponse} or throws a 400 {@link Problem}; nothing else, and never a hang. The same body
 * decoded as JSON-RPC params ({@link JsonBodies#read(JsonNode, Class)}) reaches the same outcome, with
 * the same message (API.md: JSON-RPC errors carry the HTTP API's messages).
 */
class SignRequestFuzzTest {

    private static final int CASES = 20_000;
    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    static Path labDir;
    private static SigningService service;

    @BeforeAll
    static void start() {
        // Overrides allowed, so that a valid 'attest' reaches the signer too.
        service = SigningFixture.service(SigningFixture.enabled(),
                new AttestationConfig(AttestationMode.AUTO, OverridePolicy.ALLOW, true),
                SigningFixture.labCredentials(labDir, CLOCK), CLOCK, new Metrics());
    }

    @Test
    void everyBodyGivesAResponseOrA400() {
        Random random = new Random(8224);
        SignBodies bodies = new SignBodies(random);
        int[] outcomes = new int[3];
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] body = bodies.next();
                Outcome http = outcome(body, () -> JsonBodies.read(body, SignRequest.class));
                JsonNode tree = tree(body);
                if (tree != null) {
                    Outcome rpc = outcome(body, () -> JsonBodies.read(tree, SignRequest.class));
                    assertThat(rpc).as(() -> "JSON-RPC outcome of " + printable(body)).isEqualTo(http);
                }
                outcomes[http.kind()]++;
            }
        });
        // The generator must reach all three outcomes in earnest, or the property says little.
        assertThat(outcomes[0]).as("signed").isGreaterThan(CASES / 50);
        assertThat(outcomes[1]).as("not signed").isGreaterThan(CASES / 50);
        assertThat(outcomes[2]).as("400").isGreaterThan(CASES / 50);
    }

    /** What a caller sees, minus what is random per call (signature, fresh origid). */
    private record Outcome(int kind, String attest, String orig, String text) {
    }

    private static Outcome outcome(byte[] body, Decoder decoder) {
        SignRequest request;
        try {
            request = decoder.decode();
        } catch (Problem problem) {
            return badRequest(body, problem);
        } catch (RuntimeException e) {
            return fail("decoding %s threw %s", printable(body), e);
        }
        try {
            SignResponse response = service.sign(request);
            return describe(body, response);
        } catch (Problem problem) {
            return badRequest(body, problem);
        } catch (RuntimeException e) {
            return fail("signing %s (decoded as %s) threw %s", printable(body), request, e);
        }
    }

    private static Outcome describe(byte[] body, SignResponse response) {
        assertThat(response).as(() -> "response to " + printable(body)).isNotNull();
        assertThat(response.reason()).as(() -> "reason for " + printable(body)).isNotBlank();
        if (response.identity() == null) {
            assertThat(response.reason()).startsWith("not signed: ");
            return new Outcome(1, null, response.orig(), response.reason());
        }
        assertThat(response.attest()).isIn("A", "B", "C");
        assertThat(response.origid()).matches(UUID_FORM);
        IdentityParts parts = IdentityParts.of(response.identity());
        assertThat(parts.signature()).hasSize(64);
        assertThat(parts.payload()).startsWith("{\"attest\":\"" + response.attest() + "\",\"dest\":{\"tn\":[");
        return new Outcome(0, response.attest(), response.orig(), response.reason());
    }

    private static Outcome badRequest(byte[] body, Problem problem) {
        assertThat(problem.status()).as(() -> "status for " + printable(body) + ": " + problem.detail()).isEqualTo(400);
        assertThat(problem.detail()).isNotBlank().doesNotContain("io.callsign").doesNotContain("Exception");
        return new Outcome(2, null, null, problem.detail());
    }

    private static JsonNode tree(byte[] body) {
        try {
            JsonNode tree = body.length == 0 ? null : JsonBodies.MAPPER.readTree(body);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (IOException e) {
            return null; // JSON-RPC answers -32700 (no content, not JSON) before any method runs
        }
    }

    private static String printable(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() < 300 ? text + " (hex " + HexFormat.of().formatHex(body, 0, Math.min(body.length, 120)) + ")"
                : text.substring(0, 300) + "...";
    }

    @FunctionalInterface
    private interface Decoder {
        SignRequest decode();
    }
}
