package io.callsign.acme;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * ACME-10: obtains the SPC token (TNAuthList Authority Token) from the STI-PA token API and caches
 * it until shortly before its {@code exp}. After a failed challenge {@link #invalidate()} forces a
 * fresh token on the next attempt; the renewal back-off paces those attempts so that the STI-PA is
 * not hammered. Tokens and credentials are never logged. Thread-safe.
 */
final class SpcTokenClient {

    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TkauthSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;
    private String cachedFor;
    private String cachedToken;
    private Instant cachedUntil = Instant.MIN;

    SpcTokenClient(TkauthSettings settings, HttpClient http, Clock clock, Duration timeout) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** A token whose {@code atc} carries {@code tkvalue} and {@code fingerprint}, cached or fresh. */
    synchronized String token(String tkvalue, String fingerprint) {
        String key = tkvalue + " " + fingerprint;
        if (key.equals(cachedFor) && clock.instant().isBefore(cachedUntil)) {
            return cachedToken;
        }
        String token = fetch(tkvalue, fingerprint);
        cachedFor = key;
        cachedToken = token;
        cachedUntil = expiry(token).minus(EXPIRY_MARGIN);
        return token;
    }

    synchronized void invalidate() {
        cachedFor = null;
        cachedToken = null;
        cachedUntil = Instant.MIN;
    }

    private String fetch(String tkvalue, String fingerprint) {
        HttpResponse<String> response = send(requestBody(tkvalue, fingerprint));
        if (response.statusCode() == 403 || response.statusCode() == 401) {
            throw new AcmeFailure("the STI-PA token API " + settings.tokenApi() + " refused the SPC token request ("
                    + response.statusCode() + "): check CALLSIGN_ACME_TKAUTH_USER/PASSWORD or _BEARER and that SPC "
                    + settings.spc() + " belongs to this account");
        }
        if (response.statusCode() != 200) {
            throw new AcmeFailure("the STI-PA token API " + settings.tokenApi() + " answered " + response.statusCode()
                    + " to the SPC token request: " + abbreviate(response.body()));
        }
        try {
            JsonNode token = JSON.readTree(response.body()).path("token");
            if (!token.isTextual() || token.asText().split("\\.").length != 3) {
                throw new AcmeFailure("the STI-PA token API " + settings.tokenApi()
                        + " answered 200 without a JWS in \"token\"");
            }
            return token.asText();
        } catch (IOException e) {
            throw new AcmeFailure("the STI-PA token API " + settings.tokenApi() + " answered 200 with invalid JSON", e);
        }
    }

    private HttpResponse<String> send(String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.tokenApi())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (settings.bearerToken() != null) {
            request.header("Authorization", "Bearer " + settings.bearerToken());
        } else if (settings.user() != null) {
            String pair = settings.user() + ":" + settings.password();
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AcmeFailure("cannot reach the STI-PA token API " + settings.tokenApi() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AcmeFailure("interrupted while requesting an SPC token", e);
        }
    }

    // RFC 9448 §5.4: the atc claim the token will carry; "ca": false asks for an end-entity cert.
    private static String requestBody(String tkvalue, String fingerprint) {
        Map<String, Object> atc = Map.of("tktype", TnAuthList.IDENTIFIER_TYPE, "tkvalue", tkvalue,
                "ca", false, "fingerprint", fingerprint);
        try {
            return JSON.writeValueAsString(Map.of("atc", atc));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token's {@code exp}; without one the token is used once and not cached. */
    private Instant expiry(String token) {
        try {
            byte[] claims = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            JsonNode exp = JSON.readTree(claims).path("exp");
            return exp.canConvertToLong() ? Instant.ofEpochSecond(exp.asLong()) : clock.instant();
        } catch (IOException | IllegalArgumentException e) {
            return clock.instant();
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}
