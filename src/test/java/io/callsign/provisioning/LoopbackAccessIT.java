package io.callsign.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.TestService;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Without a token, loopback clients are served and audited by address (the refusal side: AccessTest). */
class LoopbackAccessIT {

    private static TestService service;
    private static Api api;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of());
        api = new Api(service);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aLoopbackClientIsServedAndAuditedByAddress() {
        assertThat(api.put("/v1/subscribers/acct-lo", "{}").statusCode()).isEqualTo(201);
        assertThat(api.sql("SELECT actor FROM audit_log WHERE entity_id = 'acct-lo'")).isEqualTo("loopback:127.0.0.1");
    }

    @Test
    void anOperatorNameThatCouldForgeAnActorIsIgnored() {
        api.put("/v1/subscribers/acct-forge", "{}", "X-Callsign-Operator", "api-token) (x y");
        assertThat(api.sql("SELECT actor FROM audit_log WHERE entity_id = 'acct-forge'")).isEqualTo("loopback:127.0.0.1");
    }
}
