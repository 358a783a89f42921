package io.callsign.provisioning;

import static io.callsign.provisioning.Api.detail;
import static io.callsign.provisioning.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.TestService;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /v1/numbers}: E.164 digits, the owning subscriber, validity windows, filters and paging. */
class NumbersIT {

    private static TestService service;
    private static Api api;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of());
        api = new Api(service);
        api.put("/v1/subscribers/acct-42", "{\"name\":\"Acme\",\"verified\":true}");
        api.put("/v1/subscribers/acct-7", "{}");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void putAcceptsALeadingPlusAndStoresDigits() {
        HttpResponse<String> created = api.put("/v1/numbers/+15145559876",
                "{\"subscriber\":\"acct-42\",\"verified\":true,\"validFrom\":\"2026-01-01\",\"validUntil\":\"2027-01-01T00:00:00+01:00\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode number = json(created);
        assertThat(number.get("tn").asText()).isEqualTo("15145559876");
        assertThat(number.get("validFrom").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(number.get("validUntil").asText()).isEqualTo("2026-12-31T23:00:00Z");
        assertThat(api.sql("SELECT verified FROM telephone_numbers WHERE tn = '15145559876'")).isEqualTo("t");
        assertThat(json(api.get("/v1/numbers/15145559876")).get("subscriber").asText()).isEqualTo("acct-42");
    }

    @Test
    void refusesNumbersThatAreNotE164Digits() {
        HttpResponse<String> response = api.put("/v1/numbers/+1514-555", "{\"subscriber\":\"acct-42\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(detail(response)).isEqualTo("field 'tn': '+1514-555' is not 1-15 digits");
        assertThat(detail(api.get("/v1/numbers/1234567890123456"))).isEqualTo("field 'tn': '1234567890123456' is not 1-15 digits");
    }

    @Test
    void refusesAnUnknownSubscriberWith422() {
        HttpResponse<String> response = api.put("/v1/numbers/15145550100", "{\"subscriber\":\"acct-9\"}");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(detail(response)).isEqualTo("field 'subscriber': subscriber 'acct-9' does not exist; "
                + "create it first (PUT /v1/subscribers/acct-9)");
        assertThat(api.count("telephone_numbers WHERE tn = '15145550100'")).isZero();
    }

    @Test
    void refusesMissingSubscriberBadDatesAndEmptyWindows() {
        assertThat(detail(api.put("/v1/numbers/15145550101", "{\"verified\":true}"))).isEqualTo("field 'subscriber' is required");
        assertThat(detail(api.put("/v1/numbers/15145550101", "{\"subscriber\":\"acct-42\",\"validFrom\":\"tomorrow\"}")))
                .startsWith("field 'validFrom': 'tomorrow' is not a date-time");
        assertThat(detail(api.put("/v1/numbers/15145550101",
                "{\"subscriber\":\"acct-42\",\"validFrom\":\"2026-02-01\",\"validUntil\":\"2026-01-01\"}")))
                .startsWith("field 'validUntil': 2026-01-01T00:00Z is not after validFrom");
        assertThat(detail(api.put("/v1/numbers/15145550101", "{\"tn\":\"15145550102\",\"subscriber\":\"acct-42\"}")))
                .isEqualTo("field 'tn': '15145550102' differs from '15145550101' in the path");
    }

    @Test
    void reassigningANumberIsAReplace() {
        api.put("/v1/numbers/15145550200", "{\"subscriber\":\"acct-42\"}");
        HttpResponse<String> moved = api.put("/v1/numbers/15145550200", "{\"subscriber\":\"acct-7\",\"verified\":true}");
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.headers().firstValue("ETag")).contains("\"v2\"");
        assertThat(api.sql("SELECT subscriber_id FROM telephone_numbers WHERE tn = '15145550200'")).isEqualTo("acct-7");
        assertThat(api.delete("/v1/numbers/15145550200").statusCode()).isEqualTo(204);
        assertThat(api.count("telephone_numbers WHERE tn = '15145550200'")).isZero();
    }

    @Test
    void listFiltersBySubscriberAndPrefixAndPages() {
        for (String tn : new String[] {"33100000001", "33100000002", "33100000003", "33199999999", "33200000000"}) {
            api.put("/v1/numbers/" + tn, "{\"subscriber\":\"" + (tn.endsWith("2") ? "acct-7" : "acct-42") + "\"}");
        }
        JsonNode prefix = json(api.get("/v1/numbers?prefix=%2B331&limit=2"));
        assertThat(prefix.get("items")).extracting(n -> n.get("tn").asText()).containsExactly("33100000001", "33100000002");
        assertThat(prefix.get("next").asText()).isEqualTo("33100000002");
        JsonNode rest = json(api.get("/v1/numbers?prefix=331&limit=2&after=33100000002"));
        assertThat(rest.get("items")).extracting(n -> n.get("tn").asText()).containsExactly("33100000003", "33199999999");
        assertThat(rest.get("next").isNull()).isTrue();
        JsonNode bySubscriber = json(api.get("/v1/numbers?subscriber=acct-7&prefix=33"));
        assertThat(bySubscriber.get("items")).extracting(n -> n.get("tn").asText()).containsExactly("33100000002");
        assertThat(detail(api.get("/v1/numbers?prefix=33x"))).isEqualTo("field 'prefix': '33x' is not 1-15 digits");
    }
}
