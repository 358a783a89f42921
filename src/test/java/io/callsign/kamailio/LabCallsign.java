package io.callsign.kamailio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callsign.TestService;
import io.callsign.credentials.SigningCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Callsign in lab mode for SIP tests: HTTP, a netstring JSON-RPC listener and the HTTPS
 * certificate repository on free loopback ports, so that x5u can be fetched. Writes the lab root,
 * the signing certificate and its key as PEM files for secsipidx and Kamailio's secsipid module.
 */
final class LabCallsign implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final TestService service;
    private final Path files;

    private LabCallsign(TestService service, Path files) {
        this.service = service;
        this.files = files;
    }

    /** @param directory holds the data directory and the PEM files; the test's temporary directory */
    static LabCallsign start(Path directory, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of(
                "CALLSIGN_TLS_LISTEN", "127.0.0.1:0",
                "CALLSIGN_RPC_LISTEN", "netstring:127.0.0.1:0",
                "CALLSIGN_DATA_DIR", directory.resolve("callsign-data").toString(),
                "CALLSIGN_SNAPSHOT_POLL_MS", "100"));
        all.putAll(settings);
        LabCallsign lab = new LabCallsign(TestService.start(all), directory);
        lab.writePem();
        return lab;
    }

    TestService service() {
        return service;
    }

    int httpPort() {
        return service.service().httpPort();
    }

    int rpcPort() {
        return service.service().rpcListeners().get(0).address().getPort();
    }

    SigningCredentials credentials() {
        return service.service().credentials().current().orElseThrow();
    }

    Path rootPem() {
        return files.resolve("lab-root.pem");
    }

    Path leafPem() {
        return files.resolve("lab-shaken.pem");
    }

    Path keyPem() {
        return files.resolve("lab-shaken-key.pem");
    }

    /** Runs provisioning SQL (db/migration/V1__provisioning_schema.sql) on Callsign's database. */
    void sql(String... statements) {
        try (Connection c = service.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("provisioning SQL failed: " + e.getMessage(), e);
        }
    }

    /** Waits until a call from {@code sourceIp} and {@code caller} signs with {@code attest} (the snapshot caught up). */
    void awaitAttest(String sourceIp, String caller, String attest) {
        String body = "{\"from\":\"sip:" + caller + "@ims.local\",\"to\":\"sip:+15145551234@ims.local\","
                + "\"callId\":\"snapshot-probe\",\"sourceIp\":\"" + sourceIp + "\"}";
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = service.postJson("/v1/sign", body).body();
            if (attest.equals(read(last).path("attest").asText())) {
                return;
            }
            ChildProcess.pause(Duration.ofMillis(100));
        }
        throw new AssertionError("provisioning did not reach the signer within 15 s; last answer: " + last);
    }

    /** An Identity header and the Date it was signed for. */
    record Signed(String identity, String date) {
    }

    /** Signs a call from {@code caller} to +15145551234 with POST /v1/sign (Callsign picks the Date). */
    Signed sign(String caller, String sourceIp) {
        String body = "{\"from\":\"sip:" + caller + "@ims.local\",\"to\":\"sip:+15145551234@ims.local\","
                + "\"callId\":\"verify-fixture\",\"sourceIp\":\"" + sourceIp + "\"}";
        JsonNode response = read(service.postJson("/v1/sign", body).body());
        if (!response.path("identity").isTextual()) {
            throw new AssertionError("Callsign did not sign: " + response);
        }
        return new Signed(response.path("identity").asText(), response.path("headers").path("Date").asText());
    }

    /** GET the x5u over HTTPS trusting only the lab root, as a verifier would; the body is the chain. */
    String fetchX5u() {
        return LabPem.fetch(credentials().x5u(), root());
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    private X509Certificate root() {
        return service.service().labTrust().orElseThrow(() -> new AssertionError("Callsign is not in lab mode")).root();
    }

    private void writePem() {
        try {
            LabPem.write(rootPem(), "CERTIFICATE", root().getEncoded());
            LabPem.write(leafPem(), "CERTIFICATE", credentials().leaf().getEncoded());
            LabPem.write(keyPem(), "PRIVATE KEY", credentials().key().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the lab PEM files: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        service.close();
    }
}
