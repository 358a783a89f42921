package io.callsign.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.TestService;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CALLSIGN_IMPORT_MAX_BYTES reaches the import: a larger body is refused and leaves nothing behind. */
class ImportLimitsIT {

    private static TestService service;
    private static Api api;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("CALLSIGN_IMPORT_MAX_BYTES", "2048", "CALLSIGN_IMPORT_IDLE_TIMEOUT_SECONDS", "5"));
        api = new Api(service);
        api.put("/v1/subscribers/acct-42", "{\"verified\":true}");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aBodyOverTheConfiguredLimitIsRefusedAndNothingIsImported() {
        StringBuilder csv = new StringBuilder("tn,subscriber,verified\n");
        for (int i = 0; i < 200; i++) {
            csv.append("1514666").append(String.format("%04d", i)).append(",acct-42,true\n");
        }
        assertThat(csv.length()).isGreaterThan(2048);

        HttpResponse<String> refused = api.post("/v1/numbers:import", "text/csv", csv.toString());
        HttpResponse<String> small = api.post("/v1/numbers:import", "text/csv", "tn,subscriber,verified\n15146660999,acct-42,true\n");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(refused.body()).contains("2048");
        assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
        assertThat(api.get("/v1/numbers/15146660000").statusCode()).isEqualTo(404);
        assertThat(api.get("/v1/numbers/15146660999").statusCode()).isEqualTo(200);
    }
}
