package io.callsign.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.TestService;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every change leaves one audit row written in its own transaction: both commit, or neither does. */
class AuditIT {

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
    void createUpdateAndDeleteAreRecordedWithBeforeAndAfter() {
        api.put("/v1/subscribers/acct-audit", "{\"name\":\"one\"}");
        api.put("/v1/subscribers/acct-audit", "{\"name\":\"two\"}");
        api.delete("/v1/subscribers/acct-audit");
        assertThat(api.sql("SELECT string_agg(action || ':' || coalesce(before->>'name', '-') || '>' "
                + "|| coalesce(after->>'name', '-'), ',' ORDER BY id) FROM audit_log WHERE entity = 'subscriber' "
                + "AND entity_id = 'acct-audit'")).isEqualTo("create:->one,update:one>two,delete:two>-");
        assertThat(api.sql("SELECT after->>'version' FROM audit_log WHERE entity_id = 'acct-audit' AND action = 'update'"))
                .isEqualTo("2");
    }

    @Test
    void aRefusedChangeLeavesNoAuditRow() {
        api.put("/v1/subscribers/acct-busy", "{}");
        api.put("/v1/numbers/15145550999", "{\"subscriber\":\"acct-busy\"}");
        long before = api.count("audit_log");
        assertThat(api.delete("/v1/subscribers/acct-busy").statusCode()).isEqualTo(409);
        assertThat(api.put("/v1/numbers/15145550998", "{\"subscriber\":\"ghost\"}").statusCode()).isEqualTo(422);
        assertThat(api.count("audit_log")).isEqualTo(before);
    }

    @Test
    void whenTheAuditRowCannotBeWrittenTheChangeIsNotWrittenEither() {
        // A trigger that refuses only this entity's audit rows, so other tests are unaffected.
        api.execute("CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.entity_id = 'acct-unaudited' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$");
        api.execute("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit()");
        try {
            assertThat(api.put("/v1/subscribers/acct-unaudited", "{\"users\":[\"u@ims.local\"]}").statusCode()).isEqualTo(500);
            assertThat(api.count("subscribers WHERE id = 'acct-unaudited'")).isZero();
            assertThat(api.count("subscriber_users WHERE sip_user = 'u@ims.local'")).isZero();
        } finally {
            api.execute("DROP TRIGGER refuse_audit ON audit_log");
            api.execute("DROP FUNCTION refuse_audit()");
        }
    }
}
