package io.callsign.provisioning;

import static io.callsign.provisioning.Api.detail;
import static io.callsign.provisioning.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.TestService;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /v1/subscribers}: create, replace, read, list, delete, validation, and optimistic concurrency. */
class SubscribersIT {

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
    void putCreatesWith201ThenReplacesWith200AndBumpsTheETag() {
        HttpResponse<String> created = api.put("/v1/subscribers/acct-1",
                "{\"name\":\"Acme\",\"verified\":true,\"users\":[\"bob@ims.local\",\"alice@ims.local\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).hasValueSatisfying(tag -> assertThat(tag).startsWith("\"v1-"));
        assertThat(created.headers().firstValue("Location")).contains("/v1/subscribers/acct-1");
        JsonNode body = json(created);
        assertThat(body.get("id").asText()).isEqualTo("acct-1");
        assertThat(body.get("users").toString()).isEqualTo("[\"alice@ims.local\",\"bob@ims.local\"]");

        HttpResponse<String> replaced = api.put("/v1/subscribers/acct-1", "{\"name\":\"Acme Inc\",\"users\":[]}");
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.headers().firstValue("ETag")).hasValueSatisfying(tag -> assertThat(tag).startsWith("\"v2-"));
        assertThat(json(replaced).get("verified").asBoolean()).isFalse();
        assertThat(api.count("subscriber_users WHERE subscriber_id = 'acct-1'")).isZero();

        HttpResponse<String> got = api.get("/v1/subscribers/acct-1");
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(json(got).get("name").asText()).isEqualTo("Acme Inc");
        assertThat(got.headers().firstValue("ETag")).isEqualTo(replaced.headers().firstValue("ETag"));
    }

    @Test
    void aPutThatChangesNothingKeepsTheVersionAndWritesNoAudit() {
        String body = "{\"name\":\"Same\",\"verified\":true,\"users\":[\"same@ims.local\"]}";
        String first = api.put("/v1/subscribers/acct-same", body).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = api.put("/v1/subscribers/acct-same", body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("ETag")).contains(first);
        assertThat(api.count("audit_log WHERE entity_id = 'acct-same'")).isEqualTo(1);
    }

    @Test
    void aGetRoundTripCanBePutBack() {
        api.put("/v1/subscribers/acct-rt", "{\"name\":\"Round\",\"verified\":true}");
        String representation = api.get("/v1/subscribers/acct-rt").body();
        assertThat(api.put("/v1/subscribers/acct-rt", representation).statusCode()).isEqualTo(200);
    }

    @Test
    void getOfAnAbsentSubscriberIs404Problem() {
        HttpResponse<String> response = api.get("/v1/subscribers/nobody");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(detail(response)).isEqualTo("subscriber 'nobody' does not exist");
    }

    @Test
    void refusesBadInputNamingTheField() {
        assertThat(detail(api.put("/v1/subscribers/bad%20id", "{}")))
                .startsWith("field 'id': 'bad id' is not an identifier");
        assertThat(detail(api.put("/v1/subscribers/acct-x", "{\"verifed\":true}"))).isEqualTo("unknown field 'verifed'");
        assertThat(detail(api.put("/v1/subscribers/acct-x", "{\"verified\":\"yes\"}"))).startsWith("field 'verified'");
        assertThat(detail(api.put("/v1/subscribers/acct-x", "{\"users\":[\"a b\"]}")))
                .isEqualTo("field 'users[0]': 'a b' is not a SIP identity (1-255 characters without spaces)");
        assertThat(detail(api.put("/v1/subscribers/acct-x", "{\"users\":[\"a\",\"b\",\"a\"]}")))
                .isEqualTo("field 'users[2]': 'a' repeats users[0]");
        assertThat(detail(api.put("/v1/subscribers/acct-x", "{\"id\":\"acct-y\"}")))
                .isEqualTo("field 'id': 'acct-y' differs from 'acct-x' in the path");
        assertThat(api.put("/v1/subscribers/acct-x", "").statusCode()).isEqualTo(400);
        assertThat(api.count("subscribers WHERE id = 'acct-x'")).isZero();
    }

    @Test
    void aSipUserIdentifiesOneSubscriberOnly() {
        api.put("/v1/subscribers/acct-a", "{\"users\":[\"shared@ims.local\"]}");
        HttpResponse<String> clash = api.put("/v1/subscribers/acct-b", "{\"users\":[\"shared@ims.local\"]}");
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(detail(clash)).isEqualTo("user 'shared@ims.local' already identifies subscriber 'acct-a'; remove it there first");
        assertThat(api.count("subscribers WHERE id = 'acct-b'")).isZero();
    }

    @Test
    void deleteAnswers204ThenTheSubscriberIsGone() {
        api.put("/v1/subscribers/acct-del", "{\"users\":[\"del@ims.local\"]}");
        assertThat(api.delete("/v1/subscribers/acct-del").statusCode()).isEqualTo(204);
        assertThat(api.get("/v1/subscribers/acct-del").statusCode()).isEqualTo(404);
        assertThat(api.count("subscriber_users WHERE sip_user = 'del@ims.local'")).isZero();
        assertThat(api.delete("/v1/subscribers/acct-del").statusCode()).isEqualTo(404);
    }

    @Test
    void deletingASubscriberThatOwnsNumbersIs409() {
        api.put("/v1/subscribers/acct-owner", "{}");
        api.put("/v1/numbers/15145550001", "{\"subscriber\":\"acct-owner\"}");
        HttpResponse<String> refused = api.delete("/v1/subscribers/acct-owner");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(detail(refused)).isEqualTo("subscriber 'acct-owner' still owns 1 number(s), 0 number block(s) "
                + "and 0 trunk(s); delete or reassign them first");
        assertThat(api.count("subscribers WHERE id = 'acct-owner'")).isEqualTo(1);
    }

    @Test
    void staleIfMatchIs412AndNothingChanges() {
        String v1 = api.put("/v1/subscribers/acct-cc", "{\"name\":\"one\"}").headers().firstValue("ETag").orElseThrow();
        String v2 = api.put("/v1/subscribers/acct-cc", "{\"name\":\"two\"}").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> stale = api.put("/v1/subscribers/acct-cc", "{\"name\":\"three\"}", "If-Match", v1);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(detail(stale)).contains("If-Match " + v1 + " does not match subscriber 'acct-cc', now at " + v2);
        assertThat(api.sql("SELECT name FROM subscribers WHERE id = 'acct-cc'")).isEqualTo("two");

        HttpResponse<String> current = api.put("/v1/subscribers/acct-cc", "{\"name\":\"three\"}", "If-Match", v2);
        assertThat(current.statusCode()).isEqualTo(200);
        String v3 = current.headers().firstValue("ETag").orElseThrow();
        assertThat(api.delete("/v1/subscribers/acct-cc", "If-Match", v2).statusCode()).isEqualTo(412);
        assertThat(api.delete("/v1/subscribers/acct-cc", "If-Match", v3).statusCode()).isEqualTo(204);
    }

    @Test
    void changingOnlyTheUsersChangesTheETagEvenWhenTheRowVersionStays() {
        // The change feed's row trigger moves version only when the subscribers row itself changes;
        // a trigger with the same rule is installed here for this subscriber.
        api.execute("CREATE FUNCTION test_touch_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "NEW.version := OLD.version; NEW.updated_at := OLD.updated_at; "
                + "IF NEW IS DISTINCT FROM OLD THEN NEW.version := OLD.version + 1; NEW.updated_at := now(); END IF; "
                + "RETURN NEW; END $$");
        api.execute("CREATE TRIGGER test_touch BEFORE UPDATE ON subscribers FOR EACH ROW "
                + "WHEN (OLD.id = 'acct-touch') EXECUTE FUNCTION test_touch_row()");
        try {
            String before = api.put("/v1/subscribers/acct-touch", "{\"users\":[\"t1@ims.local\"]}")
                    .headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> moved = api.put("/v1/subscribers/acct-touch", "{\"users\":[\"t2@ims.local\"]}");
            assertThat(api.sql("SELECT version FROM subscribers WHERE id = 'acct-touch'")).isEqualTo("1");
            assertThat(moved.headers().firstValue("ETag")).isNotEqualTo(Optional.of(before));
            assertThat(api.put("/v1/subscribers/acct-touch", "{}", "If-Match", before).statusCode()).isEqualTo(412);
        } finally {
            api.execute("DROP TRIGGER test_touch ON subscribers");
            api.execute("DROP FUNCTION test_touch_row()");
        }
    }

    @Test
    void ifNoneMatchStarMakesPutCreateOnly() {
        assertThat(api.put("/v1/subscribers/acct-once", "{}", "If-None-Match", "*").statusCode()).isEqualTo(201);
        HttpResponse<String> again = api.put("/v1/subscribers/acct-once", "{\"name\":\"x\"}", "If-None-Match", "*");
        assertThat(again.statusCode()).isEqualTo(412);
        assertThat(api.sql("SELECT name FROM subscribers WHERE id = 'acct-once'")).isEmpty();
    }

    @Test
    void ifMatchOnAnAbsentRowIs412NotCreate() {
        assertThat(api.put("/v1/subscribers/acct-ghost", "{}", "If-Match", "\"v1\"").statusCode()).isEqualTo(412);
        assertThat(api.count("subscribers WHERE id = 'acct-ghost'")).isZero();
    }

    @Test
    void getWithTheCurrentETagIs304() {
        String tag = api.put("/v1/subscribers/acct-304", "{}").headers().firstValue("ETag").orElseThrow();
        assertThat(api.get("/v1/subscribers/acct-304", "If-None-Match", tag).statusCode()).isEqualTo(304);
        assertThat(api.get("/v1/subscribers/acct-304", "If-None-Match", "\"v0\"").statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        HttpResponse<String> response = api.put("/v1/subscribers/acct-big", "{\"name\":\"" + "x".repeat(2 << 20) + "\"}");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(detail(response)).startsWith("request body exceeds the limit of 1048576 bytes");
    }

    @Test
    void listPagesWithAKeysetCursor() {
        for (String id : new String[] {"page-a", "page-b", "page-c"}) {
            api.put("/v1/subscribers/" + id, "{}");
        }
        JsonNode first = json(api.get("/v1/subscribers?after=page-&limit=2"));
        assertThat(first.get("items")).extracting(n -> n.get("id").asText()).containsExactly("page-a", "page-b");
        assertThat(first.get("next").asText()).isEqualTo("page-b");
        JsonNode second = json(api.get("/v1/subscribers?limit=2&after=page-b"));
        assertThat(second.get("items").get(0).get("id").asText()).isEqualTo("page-c");

        assertThat(detail(api.get("/v1/subscribers?limit=0"))).isEqualTo("query 'limit': '0' is not a number from 1 to 1000");
        assertThat(detail(api.get("/v1/subscribers?sort=id"))).isEqualTo("unknown query parameter 'sort'; use limit or after");
    }
}
