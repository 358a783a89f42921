package io.callsign.provisioning;

import static io.callsign.provisioning.Api.detail;
import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.TestService;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With CALLSIGN_PROVISIONING_TOKEN set, every provisioning route wants the bearer token, even from
 * loopback; a refused request writes nothing. The call path and operations are not behind it.
 */
class ProvisioningAccessIT {

    private static final String TOKEN = "s3cret-token-for-tests";
    private static TestService service;
    private static Api api;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("CALLSIGN_PROVISIONING_TOKEN", TOKEN));
        api = new Api(service);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void withoutATokenEveryRouteIs401WithABearerChallengeAndNothingIsWritten() {
        HttpResponse<String> put = api.put("/v1/subscribers/acct-1", "{}");
        assertThat(put.statusCode()).isEqualTo(401);
        assertThat(put.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(put.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(detail(put)).contains("Authorization: Bearer");
        assertThat(api.post("/v1/numbers:import", "text/csv", "15145550001,acct-1,true\n").statusCode()).isEqualTo(401);
        assertThat(api.get("/v1/numbers:export").statusCode()).isEqualTo(401);
        assertThat(api.get("/v1/subscribers").statusCode()).isEqualTo(401);
        assertThat(api.delete("/v1/trunks/t").statusCode()).isEqualTo(401);
        assertThat(api.get("/v1/explain?tn=1").statusCode()).isEqualTo(401);
        assertThat(api.count("subscribers") + api.count("telephone_numbers") + api.count("audit_log")).isZero();
    }

    @Test
    void aWrongTokenIs401AndWritesNothing() {
        HttpResponse<String> put = api.put("/v1/subscribers/acct-2", "{}", "Authorization", "Bearer " + TOKEN + "x");
        assertThat(put.statusCode()).isEqualTo(401);
        assertThat(detail(put)).isEqualTo("the bearer token is not the one configured in CALLSIGN_PROVISIONING_TOKEN");
        assertThat(api.put("/v1/subscribers/acct-2", "{}", "Authorization", "Basic " + TOKEN).statusCode()).isEqualTo(401);
        assertThat(api.count("subscribers WHERE id = 'acct-2'")).isZero();
    }

    @Test
    void theRightTokenIsServedAndAuditedAsTheTokenHolder() {
        HttpResponse<String> put = api.put("/v1/subscribers/acct-3", "{}", "Authorization", "bearer " + TOKEN,
                "X-Callsign-Operator", "cli:alice");
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(api.sql("SELECT actor FROM audit_log WHERE entity_id = 'acct-3'")).isEqualTo("api-token (cli:alice)");
    }

    @Test
    void theCallPathAndOperationsAreNotBehindTheToken() {
        assertThat(service.get("/health/live").statusCode()).isEqualTo(200);
        // /v1/sign and /v1/verify belong to the call path: whatever they answer, it is not the token's 401.
        assertThat(service.postJson("/v1/sign", "{}").statusCode()).isNotEqualTo(401);
        assertThat(service.postJson("/v1/verify", "{}").statusCode()).isNotEqualTo(401);
    }
}
