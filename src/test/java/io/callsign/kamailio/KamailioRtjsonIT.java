package io.callsign.kamailio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rtjson option with real SIP: sipp UAC → Kamailio (kamailio-cfg/kamailio.cfg with
 * {@code CALLSIGN_RTJSON}) → two sipp UASes. The example's routing engine sends a serial document of
 * two routes, a primary hop that answers 503 and then the next hop; Callsign returns it with the
 * Identity in each route's {@code headers.extra}. Both hops must get the INVITE with their own route
 * header and one Identity that {@code secsipidx -check} accepts; the call completes on the second.
 * With Callsign down, the operator's document still routes the call unsigned (fail-open), or the
 * call is answered 503 (fail-closed).
 */
class KamailioRtjsonIT {

    @TempDir
    static Path dir;
    private static LabCallsign callsign;
    private static Path chain;

    @BeforeAll
    static void start() throws Exception {
        callsign = LabCallsign.start(dir, Map.of());
        chain = Files.writeString(dir.resolve("x5u-chain.pem"), callsign.fetchX5u());
    }

    @AfterAll
    static void stop() {
        if (callsign != null) {
            callsign.close();
        }
    }

    @ParameterizedTest
    @EnumSource(ProxyMode.class)
    void theDocumentsRoutesCarryTheIdentityAndSerialRoutingFailsOverToTheNextHop(ProxyMode mode) {
        String label = "rtjson-" + mode.name().toLowerCase();
        int primaryPort = Ports.freeUdp();
        int nextPort = Ports.freeUdp();
        try (Kamailio proxy = Kamailio.example(dir, defines(mode, mode.port(callsign), primaryPort, nextPort));
                Sipp.Running primary = Sipp.scenario("uas_reject.xml", dir, label + "-primary").port(primaryPort)
                        .listen(Calls.CALL_TIMEOUT)) {
            if (mode == ProxyMode.RPC) {
                proxy.awaitRpcConnected(1);
            }
            Calls.Call call = Calls.answered(dir, label, proxy.address(), nextPort, uac -> uac);
            Sipp.Result rejected = primary.finish(Calls.CALL_TIMEOUT);
            assertThat(rejected.exitCode()).as("primary hop: %s", rejected.describe()).isZero();

            SipMessage first = rejected.trace().firstInvite();
            SipMessage second = call.delivered();
            assertThat(first.headers("X-Example-Route")).as(first.text()).containsExactly("primary");
            assertThat(second.headers("X-Example-Route")).as(second.text()).containsExactly("next-hop");
            // The document's uri is the original Request-URI; dst_uri sent each branch to its hop.
            assertThat(second.firstLine()).startsWith("INVITE sip:+15145551234@127.0.0.1:" + proxy.port());
            IdentityValue identity = assertVerifies(second);
            assertThat(assertVerifies(first).raw()).isEqualTo(identity.raw());
        }
    }

    @Test
    void withCallsignDownTheOperatorsDocumentStillRoutesTheCallUnsigned() {
        int nextPort = Ports.freeUdp();
        try (Kamailio proxy = Kamailio.example(dir, defines(ProxyMode.HTTP, Ports.freeTcp(), 0, nextPort))) {
            SipMessage delivered = Calls.answered(dir, "rtjson-down", proxy.address(), nextPort, uac -> uac).delivered();
            assertThat(delivered.headers("Identity")).as(delivered.text()).isEmpty();
            assertThat(delivered.headers("X-Example-Route")).as(delivered.text()).containsExactly("next-hop");
            assertThat(proxy.process().log()).contains("forwarding unsigned (fail-open)");
        }
    }

    @Test
    void withCallsignDownAndFailClosedTheCallIsRefused() {
        List<String> defines = defines(ProxyMode.HTTP, Ports.freeTcp(), 0, Ports.freeUdp());
        defines.add("CALLSIGN_SIGN_FAIL_CLOSED");
        try (Kamailio proxy = Kamailio.example(dir, defines)) {
            Sipp.Result caller = Calls.rejected(dir, "rtjson-closed", proxy.address(), uac -> uac);
            assertThat(caller.trace().finalResponse().status()).as(caller.describe()).isEqualTo(503);
        }
    }

    /** @param primaryPort 0 for a document with the next hop only */
    private static List<String> defines(ProxyMode mode, int callsignPort, int primaryPort, int nextPort) {
        List<String> defines = new ArrayList<>(mode.defines(callsignPort));
        defines.add("CALLSIGN_RTJSON");
        defines.add("CALLSIGN_HTTP_TIMEOUT=1");
        defines.add(Kamailio.string("CALLSIGN_NEXT_HOP", "sip:127.0.0.1:" + nextPort));
        if (primaryPort > 0) {
            defines.add(Kamailio.string("CALLSIGN_PRIMARY_HOP", "sip:127.0.0.1:" + primaryPort));
        }
        return defines;
    }

    /** One Identity, accepted by secsipidx with the chain from its x5u and the lab root; iat is the Date. */
    private static IdentityValue assertVerifies(SipMessage invite) {
        List<String> identities = invite.headers("Identity");
        assertThat(identities).as("Identity headers of %s", invite.text()).hasSize(1);
        IdentityValue identity = IdentityValue.parse(identities.get(0));
        Secsipidx.Check check = Secsipidx.check(dir, identity.raw(), chain, callsign.rootPem());
        assertThat(check.passed()).as("secsipidx -check of %s: %s", identity.raw(), check.output()).isTrue();
        assertThat(identity.orig()).isEqualTo("15145559876");
        assertThat(identity.payload().path("dest").path("tn").get(0).asText()).isEqualTo("15145551234");
        String date = invite.header("Date").orElseThrow(() -> new AssertionError("no Date header: " + invite.text()));
        assertThat(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond()).isEqualTo(identity.iat());
        return identity;
    }
}
