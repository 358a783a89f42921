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

/** {@code /v1/number-blocks} and {@code /v1/trunks}. */
class BlocksAndTrunksIT {

    private static TestService service;
    private static Api api;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of());
        api = new Api(service);
        api.put("/v1/subscribers/acct-42", "{\"verified\":true}");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void blocksAreCreatedReplacedListedAndDeleted() {
        HttpResponse<String> created = api.put("/v1/number-blocks/blk-1",
                "{\"prefix\":\"+1514555\",\"subscriber\":\"acct-42\",\"verified\":true}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("prefix").asText()).isEqualTo("1514555");
        assertThat(api.put("/v1/number-blocks/blk-1", "{\"prefix\":\"1514556\",\"subscriber\":\"acct-42\"}").statusCode())
                .isEqualTo(200);
        api.put("/v1/number-blocks/blk-2", "{\"prefix\":\"1438\",\"subscriber\":\"acct-42\"}");

        JsonNode covering = json(api.get("/v1/number-blocks?covers=15145561234"));
        assertThat(covering.get("items")).extracting(n -> n.get("id").asText()).containsExactly("blk-1");
        JsonNode byPrefix = json(api.get("/v1/number-blocks?prefix=143"));
        assertThat(byPrefix.get("items")).extracting(n -> n.get("id").asText()).containsExactly("blk-2");

        assertThat(api.delete("/v1/number-blocks/blk-2").statusCode()).isEqualTo(204);
        assertThat(api.get("/v1/number-blocks/blk-2").statusCode()).isEqualTo(404);
    }

    @Test
    void aPrefixBelongsToOneBlock() {
        api.put("/v1/number-blocks/blk-a", "{\"prefix\":\"1613\",\"subscriber\":\"acct-42\"}");
        HttpResponse<String> clash = api.put("/v1/number-blocks/blk-b", "{\"prefix\":\"1613\",\"subscriber\":\"acct-42\"}");
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(detail(clash)).isEqualTo("field 'prefix': '1613' already belongs to number block 'blk-a'; "
                + "change or delete that block first");
        assertThat(detail(api.put("/v1/number-blocks/blk-c", "{\"prefix\":\"16x\",\"subscriber\":\"acct-42\"}")))
                .isEqualTo("field 'prefix': '16x' is not 1-15 digits");
        assertThat(api.put("/v1/number-blocks/blk-c", "{\"prefix\":\"1777\",\"subscriber\":\"nobody\"}").statusCode())
                .isEqualTo(422);
    }

    @Test
    void trunksKeepTheirCidrsInCanonicalForm() {
        HttpResponse<String> created = api.put("/v1/trunks/cust-1",
                "{\"kind\":\"customer\",\"cidrs\":[\"192.0.2.0/24\",\"2001:db8::/32\",\"198.51.100.7\"],\"subscriber\":\"acct-42\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String tag = created.headers().firstValue("ETag").orElseThrow();
        assertThat(tag).startsWith("\"v1-");
        assertThat(json(created).get("cidrs").toString()).isEqualTo("[\"192.0.2.0/24\",\"198.51.100.7/32\",\"2001:db8::/32\"]");
        HttpResponse<String> same = api.put("/v1/trunks/cust-1",
                "{\"kind\":\"customer\",\"cidrs\":[\"2001:0db8:0:0::/32\",\"198.51.100.7/32\",\"192.0.2.0/24\"],\"subscriber\":\"acct-42\"}");
        assertThat(same.headers().firstValue("ETag")).contains(tag);
        api.put("/v1/trunks/gw-1", "{\"kind\":\"gateway\",\"cidrs\":[\"203.0.113.0/24\"]}");
        assertThat(json(api.get("/v1/trunks?kind=gateway")).get("items")).extracting(n -> n.get("name").asText())
                .containsExactly("gw-1");
        assertThat(api.delete("/v1/trunks/gw-1").statusCode()).isEqualTo(204);
        assertThat(api.count("trunk_cidrs WHERE trunk_name = 'gw-1'")).isZero();
    }

    @Test
    void refusesBadTrunksNamingTheElement() {
        assertThat(detail(api.put("/v1/trunks/t1", "{\"kind\":\"customer\",\"cidrs\":[\"10.0.0.0/8\",\"10.0.0.1/33\"],"
                + "\"subscriber\":\"acct-42\"}")))
                .isEqualTo("field 'cidrs[1]': '10.0.0.1/33' is not a CIDR: prefix length must be 0-32");
        assertThat(detail(api.put("/v1/trunks/t1", "{\"kind\":\"peering\",\"cidrs\":[\"10.0.0.1/8\"]}")))
                .isEqualTo("field 'cidrs[0]': '10.0.0.1/8' is not a CIDR: has bits set to the right of /8; use 10.0.0.0/8");
        assertThat(detail(api.put("/v1/trunks/t1", "{\"kind\":\"peering\",\"cidrs\":[\"pstn.example.com/24\"]}")))
                .isEqualTo("field 'cidrs[0]': 'pstn.example.com/24' is not a CIDR: is not an IP address");
        assertThat(detail(api.put("/v1/trunks/t1", "{\"kind\":\"carrier\"}")))
                .isEqualTo("field 'kind': 'carrier' is not a trunk kind; use customer, peering, gateway or internal");
        assertThat(detail(api.put("/v1/trunks/t1", "{\"kind\":\"customer\",\"cidrs\":[]}")))
                .isEqualTo("field 'subscriber': a customer trunk needs the subscriber it belongs to");
        assertThat(detail(api.put("/v1/trunks/t1", "{\"cidrs\":[]}"))).isEqualTo("field 'kind' is required");
        assertThat(api.count("trunks WHERE name = 't1'")).isZero();
    }
}
