package io.callsign;

import static io.callsign.AcmeFixture.await;
import static io.callsign.AcmeFixture.settings;
import static io.callsign.AcmeFixture.sign;
import static io.callsign.AcmeFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.acme.AcmeStatus;
import io.callsign.acme.PebbleServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v1/cert}, {@code POST /v1/cert:renew}, their guard, and {@code callsign cert status|renew}. */
class CertificateApiIT {

    private static final String TOKEN = "cert-admin-token";

    @TempDir
    Path dir;

    @Test
    void theCliShowsAndRenewsTheAcmeCertificateWithTheTokenAndTheApiRefusesCallersWithoutIt() throws Exception {
        try (PebbleServer pebble = PebbleServer.start(Files.createDirectories(dir.resolve("pebble")));
             TestService service = TestService.start(withToken(settings(pebble, dir.resolve("data"))))) {
            await("first certificate", 60, () -> status(service).state() == AcmeStatus.State.VALID);
            String url = "http://127.0.0.1:" + service.service().httpPort();
            String serial = status(service).serial();

            Run shown = cli(Map.of("CALLSIGN_PROVISIONING_TOKEN", TOKEN), "status", "--url", url);
            assertThat(shown.code).as(shown.err).isZero();
            assertThat(shown.out).contains("source          acme").contains("serial          " + serial)
                    .contains("acme state      valid").contains("CN=").contains("alert           no")
                    .containsPattern("x5u +https://localhost/\\.well-known/stir/[0-9a-f]{16}\\.pem");

            Run renewed = cli(Map.of("CALLSIGN_PROVISIONING_TOKEN", TOKEN, "CALLSIGN_URL", url), "renew", "--json");
            assertThat(renewed.code).as(renewed.err).isZero();
            JsonNode after = AcmeFixture.json(renewed.out);
            assertThat(after.get("serial").asText()).isNotEqualTo(serial).isEqualTo(status(service).serial());
            assertThat(after.at("/acme/state").asText()).isEqualTo("valid");

            Run refused = cli(Map.of(), "status", "--url", url);
            assertThat(refused.code).isEqualTo(1);
            assertThat(refused.err).contains("HTTP 401").contains("CALLSIGN_PROVISIONING_TOKEN");

            HttpResponse<String> anonymous = service.get("/v1/cert");
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(anonymous.headers().firstValue("Content-Type")).contains("application/problem+json");
            HttpResponse<String> wrong = service.send(HttpRequest.newBuilder(service.uri("/v1/cert:renew"))
                    .header("Authorization", "Bearer not-" + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(status(service).serial()).isEqualTo(after.get("serial").asText());
        }
    }

    @Test
    void withoutACertificateSigningSaysSoReadinessIsDownAndTheStatusShowsTheError() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("ZTA_ACME_PROVIDER", "https://127.0.0.1:" + closedPort() + "/dir");
        env.put("ZTA_ACME_DOMAIN", "localhost");
        env.put("CALLSIGN_ACME_RETRY_MIN", "1h");
        env.put("CALLSIGN_ACME_RETRY_MAX", "1h");
        env.put("CALLSIGN_ACME_TIMEOUT", "5s");
        env.put("CALLSIGN_DATA_DIR", dir.toString());
        try (TestService service = TestService.start(env)) {
            await("the first attempt failed", 30, () -> status(service).lastError() != null);

            JsonNode signed = sign(service);
            assertThat(signed.get("identity").isNull()).isTrue();
            assertThat(signed.get("reason").asText()).contains("no signing credentials are installed yet");
            HttpResponse<String> ready = service.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            JsonNode credentials = AcmeFixture.json(ready.body()).at("/components/credentials");
            assertThat(credentials.get("status").asText()).isEqualTo("DOWN");
            assertThat(credentials.get("detail").asText()).contains("ACME retrying").contains("ALERT")
                    .contains("last error: ACME");
            assertThat(service.get("/.well-known/stir/cert.pem").statusCode()).isEqualTo(503);
            assertThat(service.get("/metrics").body()).contains("callsign_cert_alert 1.0")
                    .contains("callsign_cert_renewals_total{result=\"failure\"} 1");

            JsonNode shown = AcmeFixture.json(service.get("/v1/cert").body()); // loopback, no token set
            assertThat(shown.get("installed").asBoolean()).isFalse();
            assertThat(shown.at("/acme/state").asText()).isEqualTo("retrying");
            assertThat(shown.get("alert").asBoolean()).isTrue();
            HttpResponse<String> renew = service.postJson("/v1/cert:renew", "");
            assertThat(renew.statusCode()).isEqualTo(502);
            assertThat(renew.body()).contains("renewal failed; the current certificate stays active");
        }
    }

    @Test
    void renewingLabCredentialsIsAConflictAndStatusNamesTheLabSource() {
        try (TestService service = TestService.start()) {
            HttpResponse<String> renew = service.postJson("/v1/cert:renew", "");
            assertThat(renew.statusCode()).isEqualTo(409);
            assertThat(renew.body()).contains("only ACME certificates can be renewed");
            JsonNode shown = AcmeFixture.json(service.get("/v1/cert").body());
            assertThat(shown.get("source").asText()).isEqualTo("lab");
            assertThat(shown.get("installed").asBoolean()).isTrue();
            assertThat(shown.get("acme").isNull()).isTrue();
            assertThat(shown.get("daysLeft").asLong()).isPositive();
        }
    }

    @Test
    void theCliReportsUsageErrorsAndAnUnreachableService() throws Exception {
        assertThat(cli(Map.of(), "status", "extra").code).isEqualTo(2);
        assertThat(cli(Map.of(), "frobnicate").code).isEqualTo(2);
        Run unreachable = cli(Map.of(), "status", "--url", "http://127.0.0.1:" + closedPort());
        assertThat(unreachable.code).isEqualTo(3);
        assertThat(unreachable.err).contains("cannot reach Callsign");
    }

    private static Map<String, String> withToken(Map<String, String> env) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put("CALLSIGN_PROVISIONING_TOKEN", TOKEN);
        return copy;
    }

    private static Run cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] command = new String[args.length + 1];
        command[0] = "cert";
        System.arraycopy(args, 0, command, 1, args.length);
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Callsign.run(command, env);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return socket.getLocalPort();
        }
    }

    private record Run(int code, String out, String err) {
    }
}
