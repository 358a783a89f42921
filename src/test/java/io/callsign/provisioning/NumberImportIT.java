package io.callsign.provisioning;

import static io.callsign.provisioning.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.TestService;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /v1/numbers:import} and {@code GET /v1/numbers:export}. */
class NumberImportIT {

    private static TestService service;
    private static Api api;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of());
        api = new Api(service);
        api.put("/v1/subscribers/acct-42", "{\"verified\":true}");
        api.put("/v1/subscribers/acct-7", "{}");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void empty() {
        api.execute("DELETE FROM telephone_numbers; DELETE FROM audit_log WHERE action = 'import'");
    }

    private static HttpResponse<String> importCsv(String csv, String query) {
        return api.post("/v1/numbers:import" + query, "text/csv", csv);
    }

    @Test
    void importsAFileWithAHeaderAndReportsCounts() {
        HttpResponse<String> response = importCsv("tn,subscriber,verified,valid_from,valid_until\n"
                + "+15145550001,acct-42,true\r\n"
                + "\n"
                + "15145550002,acct-7,false,2026-01-01T00:00:00Z,2027-01-01\n"
                + "\"15145550003\",\"acct-42\",1", "");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = json(response);
        assertThat(report.toString()).isEqualTo("{\"mode\":\"all-or-nothing\",\"rows\":3,\"inserted\":3,\"updated\":0,"
                + "\"unchanged\":0,\"rejected\":[],\"rejectedCount\":0}");
        assertThat(api.sql("SELECT string_agg(tn || ':' || subscriber_id || ':' || verified, ',' ORDER BY tn) "
                + "FROM telephone_numbers")).isEqualTo("15145550001:acct-42:true,15145550002:acct-7:false,15145550003:acct-42:true");
        assertThat(api.sql("SELECT valid_until AT TIME ZONE 'UTC' FROM telephone_numbers WHERE tn = '15145550002'"))
                .isEqualTo("2027-01-01 00:00:00");
    }

    @Test
    void allOrNothingRefusesTheWholeFileWith422ListingEveryBadRow() {
        HttpResponse<String> response = importCsv("15145550001,acct-42,true\n"
                + "1514555x,acct-42,true\n"
                + "15145550003,acct-9,true\n"
                + "15145550004,acct-42,maybe\n"
                + "15145550001,acct-7,false\n"
                + "15145550006,acct-42\n", "");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("detail").asText()).startsWith("5 of 6 row(s) rejected, so nothing was imported");
        assertThat(problem.get("rejectedCount").asLong()).isEqualTo(5);
        assertThat(problem.get("rejected").toString()).isEqualTo("["
                + "{\"line\":2,\"reason\":\"field 'tn': '1514555x' is not 1-15 digits\"},"
                + "{\"line\":3,\"reason\":\"subscriber 'acct-9' does not exist\"},"
                + "{\"line\":4,\"reason\":\"field 'verified': 'maybe' is not true or false\"},"
                + "{\"line\":5,\"reason\":\"number 15145550001 repeats line 1\"},"
                + "{\"line\":6,\"reason\":\"2 field(s); expected tn,subscriber,verified[,valid_from,valid_until]\"}]");
        assertThat(api.count("telephone_numbers")).isZero();
        assertThat(api.count("audit_log WHERE action = 'import'")).isZero();
    }

    @Test
    void reportModeCommitsTheGoodRowsAndListsTheBadOnes() {
        HttpResponse<String> response = importCsv("15145550001,acct-42,true\n15145550002,acct-9,true\n"
                + "15145550003,acct-7,false,2026-02-01,2026-01-01\n", "?mode=report");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = json(response);
        assertThat(report.get("inserted").asLong()).isEqualTo(1);
        assertThat(report.get("rejected")).extracting(r -> r.get("line").asLong()).containsExactly(2L, 3L);
        assertThat(report.get("rejected").get(1).get("reason").asText())
                .isEqualTo("valid_until 2026-01-01 is not after valid_from 2026-02-01");
        assertThat(api.count("telephone_numbers")).isEqualTo(1);
    }

    @Test
    void listsTheFirstThousandBadRowsAndCountsThemAll() {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            csv.append("bad").append(i).append(",acct-42,true\n");
        }
        csv.append("15145550001,acct-42,true\n");
        JsonNode report = json(importCsv(csv.toString(), "?mode=report"));
        assertThat(report.get("rejectedCount").asLong()).isEqualTo(1500);
        assertThat(report.get("rejected")).hasSize(ImportReport.MAX_LISTED);
        assertThat(report.get("inserted").asLong()).isEqualTo(1);
    }

    @Test
    void reImportingTheSameFileChangesNothing() {
        String csv = "15145550001,acct-42,true\n15145550002,acct-7,false\n";
        assertThat(json(importCsv(csv, "")).get("inserted").asLong()).isEqualTo(2);
        JsonNode again = json(importCsv(csv, ""));
        assertThat(again.get("inserted").asLong()).isZero();
        assertThat(again.get("updated").asLong()).isZero();
        assertThat(again.get("unchanged").asLong()).isEqualTo(2);
        assertThat(api.sql("SELECT max(version) FROM telephone_numbers")).isEqualTo("1");
        JsonNode changed = json(importCsv("15145550001,acct-42,true\n15145550002,acct-42,true\n", ""));
        assertThat(changed.get("updated").asLong()).isEqualTo(1);
        assertThat(changed.get("unchanged").asLong()).isEqualTo(1);
        assertThat(api.sql("SELECT string_agg((after->>'inserted') || '/' || (after->>'updated') || '/' || (after->>'unchanged'), ',' "
                + "ORDER BY id) FROM audit_log WHERE action = 'import'")).isEqualTo("2/0/0,0/0/2,0/1/1");
    }

    @Test
    void refusesOtherMediaTypesBadModesAndForeignHeaders() {
        assertThat(api.post("/v1/numbers:import", "application/json", "[]").statusCode()).isEqualTo(415);
        assertThat(Api.detail(importCsv("1,acct-42,true\n", "?mode=partial")))
                .isEqualTo("query 'mode': 'partial' is not a mode; use all-or-nothing or report");
        assertThat(Api.detail(importCsv("tn,owner,verified\n1,acct-42,true\n", "")))
                .isEqualTo("line 1: header 'tn,owner,verified' does not match tn,subscriber,verified[,valid_from,valid_until]");
        assertThat(api.count("telephone_numbers")).isZero();
    }

    @Test
    void exportThenImportRoundTripsExactly() {
        api.put("/v1/numbers/15145550001", "{\"subscriber\":\"acct-42\",\"verified\":true,\"validFrom\":\"2026-01-01T10:00:00.25Z\"}");
        api.put("/v1/numbers/15145550002", "{\"subscriber\":\"acct-7\",\"validUntil\":\"2030-06-01\"}");
        HttpResponse<String> export = api.get("/v1/numbers:export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(export.body()).isEqualTo("tn,subscriber,verified,valid_from,valid_until\n"
                + "15145550001,acct-42,true,2026-01-01T10:00:00.25Z,\n"
                + "15145550002,acct-7,false,,2030-06-01T00:00:00Z\n");
        assertThat(api.get("/v1/numbers:export?subscriber=acct-7").body()).doesNotContain("15145550001");

        api.execute("DELETE FROM telephone_numbers");
        assertThat(json(importCsv(export.body(), "")).get("inserted").asLong()).isEqualTo(2);
        assertThat(api.get("/v1/numbers:export").body()).isEqualTo(export.body());
        assertThat(json(importCsv(export.body(), "")).get("unchanged").asLong()).isEqualTo(2);
    }

    @ParameterizedTest(name = "client closes with {0}")
    @ValueSource(strings = {"reset", "fin"})
    void aChunkedUploadThatBreaksOffMidwayLeavesNoRows(String close) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), service.service().httpPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/numbers:import?mode=report HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int chunk = 0; chunk < 20; chunk++) {
                StringBuilder rows = new StringBuilder();
                for (int i = 0; i < 1000; i++) {
                    rows.append(String.format("1514%07d,acct-42,true%n", chunk * 1000 + i));
                }
                byte[] data = rows.toString().getBytes(StandardCharsets.US_ASCII);
                out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(data);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            // The rows are streaming into COPY now; then the client goes away without the last chunk.
            String backend = awaitCopy(api);
            if (close.equals("reset")) {
                socket.setSoLinger(true, 0);
                socket.close();
            } else {
                socket.shutdownOutput();
            }
            awaitTrue(() -> "idle".equals(api.sql("SELECT state FROM pg_stat_activity WHERE pid = " + backend)));
        }
        assertThat(api.count("telephone_numbers")).isZero();
        assertThat(api.count("audit_log WHERE action = 'import'")).isZero();
        // The service took no harm: the next import works.
        assertThat(json(importCsv("15145550001,acct-42,true\n", "")).get("inserted").asLong()).isEqualTo(1);
    }

    @ParameterizedTest(name = "client closes with {0}")
    @ValueSource(strings = {"reset", "fin"})
    void anUploadShorterThanItsContentLengthLeavesNoRows(String close) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), service.service().httpPort())) {
            sendHalfABody(socket);
            String backend = awaitCopy(api);
            if (close.equals("reset")) {
                socket.setSoLinger(true, 0);
                socket.close();
            } else {
                socket.shutdownOutput();
            }
            awaitTrue(() -> "idle".equals(api.sql("SELECT state FROM pg_stat_activity WHERE pid = " + backend)));
        }
        assertThat(api.count("telephone_numbers")).isZero();
    }

    @Test
    void aClientThatStopsSendingIsCutOffAfterTheIdleTimeoutAndNothingIsWritten() throws Exception {
        ProvisioningConfig config = new ProvisioningConfig(Optional.empty(), 1 << 20, Duration.ofMillis(500));
        try (ProvisioningServer server = ProvisioningServer.start(config, ProvisioningApi.NO_POLICY);
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            Api quiet = server.api();
            quiet.put("/v1/subscribers/acct-42", "{}");
            sendHalfABody(socket);
            String backend = awaitCopy(quiet);
            // The connection stays open, but no more bytes come (a stalled or slow-loris client).
            awaitTrue(() -> "idle".equals(quiet.sql("SELECT state FROM pg_stat_activity WHERE pid = " + backend)));
            assertThat(quiet.count("telephone_numbers")).isZero();
        }
    }

    private static void sendHalfABody(Socket socket) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/numbers:import HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                + "Content-Length: 1000000\r\n\r\n15145550001,acct-42,true\n15145550002,acct-42,true\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String awaitCopy(Api on) throws InterruptedException {
        awaitTrue(() -> copyInProgress(on) != null);
        return copyInProgress(on);
    }

    private static String copyInProgress(Api on) {
        return on.sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                + "AND query LIKE 'COPY import_rows%' AND state = 'active'");
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
