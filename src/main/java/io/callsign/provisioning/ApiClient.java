package io.callsign.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.http.JsonBodies;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The CLI's HTTP client of the provisioning API: base URL, bearer token, and the operator's name for
 * the audit log. Answers of 400 and above become {@link ApiException} carrying the problem detail;
 * transport failures stay {@link IOException} (the CLI exits 3 on them).
 */
final class ApiClient {

    /** The API refused: status and the problem's detail. */
    static final class ApiException extends Exception {
        private final int status;
        private final JsonNode body;

        ApiException(int status, String detail, JsonNode body) {
            super(detail, null, false, false);
            this.status = status;
            this.body = body;
        }

        int status() {
            return status;
        }

        /** The problem document, with any extension members (an import's rejected rows). */
        JsonNode body() {
            return body;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final Optional<String> token;
    private final Optional<String> operator;
    // HTTP/1.1: the service speaks nothing else; no h2c upgrade attempt on every request. (The JDK 17
    // client also waits for ever when Expect: 100-continue gets a final answer, so it is not used.)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    ApiClient(URI base, Optional<String> token, Optional<String> operator) {
        this.base = base;
        this.token = token;
        this.operator = operator;
    }

    HttpRequest.Builder request(String path, Map<String, String> query) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((k, v) -> q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path + q)).timeout(TIMEOUT);
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        operator.ifPresent(o -> builder.header(Guard.OPERATOR_HEADER, o));
        return builder;
    }

    /** Sends and returns the JSON answer (null for 204), or throws {@link ApiException} for 4xx/5xx. */
    JsonNode send(HttpRequest request) throws IOException, InterruptedException, ApiException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return json(response.statusCode(), response.body());
    }

    <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return http.send(request, handler);
    }

    static JsonNode json(int status, String body) throws ApiException {
        JsonNode json;
        try {
            json = body == null || body.isEmpty() ? null : JsonBodies.MAPPER.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (status >= 400) {
            String detail = json != null && json.hasNonNull("detail") ? json.get("detail").asText()
                    : "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body.strip());
            throw new ApiException(status, detail, json);
        }
        return json;
    }

    /** A path segment with everything outside RFC 3986 pchar percent-encoded. */
    static String segment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~:@!$&'()*,;=".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    URI base() {
        return base;
    }
}
