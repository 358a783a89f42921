package io.callsign.certadmin;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.http.JsonBodies;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code callsign cert status|renew [--url URL] [--json]}: an HTTP client of {@code GET /v1/cert}
 * and {@code POST /v1/cert:renew}. The service is {@code --url}, else {@code CALLSIGN_URL}, else
 * {@code http://127.0.0.1:8080}; {@code CALLSIGN_PROVISIONING_TOKEN} is sent as the bearer token.
 * Exit codes as the provisioning CLI: 0 done, 1 the service refused (its reason is printed),
 * 2 usage error, 3 the service could not be reached.
 */
public final class CertCli {

    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;
    public static final int UNREACHABLE = 3;

    static final String USAGE_TEXT = """
            usage: callsign cert status [--url URL] [--json]   the signing certificate and its renewal
                   callsign cert renew  [--url URL] [--json]   renew now with ACME, wait, show the new status
              --url URL  the service; default $CALLSIGN_URL, else http://127.0.0.1:8080
              --json     print the API's JSON instead of the table
            environment: CALLSIGN_URL, CALLSIGN_PROVISIONING_TOKEN (sent as the bearer token)
            exit codes: 0 done, 1 refused (reason printed), 2 usage error, 3 service unreachable
            """;

    /** Renewal waits for the CA: several exchanges, each bounded by CALLSIGN_ACME_TIMEOUT. */
    private static final Duration RENEW_TIMEOUT = Duration.ofMinutes(10);

    private CertCli() {
    }

    /** Runs {@code args} (the words after {@code cert}); returns the exit code. */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>(args);
        boolean json = words.remove("--json");
        Optional<String> url = Optional.ofNullable(env.get("CALLSIGN_URL")).filter(u -> !u.isBlank());
        int at = words.indexOf("--url");
        if (at >= 0) {
            if (at + 1 >= words.size()) {
                err.print("--url needs a value\n" + USAGE_TEXT);
                return USAGE;
            }
            url = Optional.of(words.get(at + 1));
            words.subList(at, at + 2).clear();
        }
        if (words.size() != 1 || !List.of("status", "renew").contains(words.get(0))) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        URI base;
        try {
            base = URI.create(url.orElse("http://127.0.0.1:8080").replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            err.println("--url " + url.orElse("") + " is not a URL: " + e.getMessage());
            return USAGE;
        }
        boolean renew = words.get(0).equals("renew");
        return call(base, renew, Optional.ofNullable(env.get("CALLSIGN_PROVISIONING_TOKEN")), json, out, err);
    }

    private static int call(URI base, boolean renew, Optional<String> token, boolean json, PrintStream out,
                            PrintStream err) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + (renew ? "/v1/cert:renew" : "/v1/cert")))
                .timeout(renew ? RENEW_TIMEOUT : Duration.ofSeconds(30))
                .header("Accept", "application/json");
        token.filter(t -> !t.isBlank()).ifPresent(t -> request.header("Authorization", "Bearer " + t));
        request.method(renew ? "POST" : "GET", HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            err.println("cannot reach Callsign at " + base + ": " + e + "; is it running? (--url or CALLSIGN_URL)");
            return UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREACHABLE;
        }
        return print(response, json, out, err);
    }

    private static int print(HttpResponse<String> response, boolean json, PrintStream out, PrintStream err) {
        JsonNode body;
        try {
            body = JsonBodies.MAPPER.readTree(response.body());
        } catch (IOException e) {
            err.println("unexpected answer (HTTP " + response.statusCode() + ") from " + response.uri() + ": "
                    + response.body());
            return REFUSED;
        }
        if (response.statusCode() != 200) {
            err.println("refused (HTTP " + response.statusCode() + "): " + body.path("detail").asText(response.body()));
            return REFUSED;
        }
        out.print(json ? body.toPrettyString() + "\n" : StatusTable.render(body));
        return OK;
    }
}
