package io.callsign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.acme.AcmeStatus;
import io.callsign.acme.PebbleServer;
import io.callsign.http.JsonBodies;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.jose4j.jws.JsonWebSignature;

/** Settings, calls and checks shared by the ACME integration tests. */
final class AcmeFixture {

    static final String DOMAIN = "localhost";
    static final String SIGN_REQUEST = """
            {"from": "sip:+15145559876@ims.local", "to": "sip:+15145551234@ims.local", "callId": "acme-it"}""";

    private AcmeFixture() {
    }

    /** ACME against {@code pebble} for {@value #DOMAIN}, state under {@code dataDir}, HTTPS on a free port. */
    static Map<String, String> settings(PebbleServer pebble, Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("ZTA_ACME_PROVIDER", pebble.directory().toString());
        env.put("ZTA_ACME_DOMAIN", DOMAIN);
        env.put("ZTA_ACME_EMAIL", "noc@example.com");
        env.put("CALLSIGN_ACME_CA_FILE", pebble.caFile().toString());
        env.put("CALLSIGN_ACME_TIMEOUT", "30s");
        env.put("CALLSIGN_ACME_RETRY_MIN", "1s");
        env.put("CALLSIGN_ACME_RETRY_MAX", "2s");
        env.put("CALLSIGN_ACME_SYNC_INTERVAL", "1s");
        env.put("CALLSIGN_DATA_DIR", dataDir.toString());
        env.put("CALLSIGN_TLS_LISTEN", "127.0.0.1:0");
        return env;
    }

    static JsonNode sign(TestService service) {
        HttpResponse<String> response = service.postJson("/v1/sign", SIGN_REQUEST);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    static JsonNode json(String body) {
        try {
            return JsonBodies.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** The x5u of an Identity header value {@code <jws>;info=<x5u>;alg=ES256;ppt=shaken}. */
    static URI info(String identity) {
        int start = identity.indexOf(";info=<") + 7;
        return URI.create(identity.substring(start, identity.indexOf('>', start)));
    }

    /** Whether the PASSporT of {@code identity} verifies with {@code leaf}'s key (and its x5u header names its info). */
    static boolean verifies(String identity, X509Certificate leaf) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(identity.substring(0, identity.indexOf(';')));
            jws.setKey(leaf.getPublicKey());
            return jws.verifySignature() && info(identity).toString().equals(jws.getHeader("x5u"));
        } catch (org.jose4j.lang.JoseException e) {
            return false;
        }
    }

    /** Fetches the chain published at {@code x5u}'s path, over the service's plain HTTP listener. */
    static List<X509Certificate> published(TestService service, URI x5u) {
        HttpResponse<String> response = service.get(x5u.getRawPath());
        assertThat(response.statusCode()).as("GET " + x5u.getRawPath() + ": " + response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("PRIVATE KEY"); // ACME-19
        return parse(response.body());
    }

    static List<X509Certificate> parse(String pem) {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(X509Certificate.class::cast).toList();
        } catch (java.security.cert.CertificateException e) {
            throw new AssertionError("not a PEM chain: " + pem, e);
        }
    }

    static AcmeStatus status(TestService service) {
        return service.service().acme().orElseThrow().status();
    }

    static void await(String what, long seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(25);
        }
    }

    static long rows(DataSource database, String sql) throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
