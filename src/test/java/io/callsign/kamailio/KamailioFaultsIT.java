package io.callsign.kamailio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Callsign down (port closed) and Callsign hung (accepts, never answers), seen through a
 * {@link FaultyLink} between Kamailio and a real Callsign: calls complete per the script's policy —
 * fail-open relays the INVITE unsigned, fail-closed answers 503 — within the configured timeout,
 * and once Callsign is back a burst of calls is signed (no Kamailio worker was left stuck, and
 * janssonrpcc reconnected).
 */
class KamailioFaultsIT {

    private static final Duration RPC_TIMEOUT = Duration.ofMillis(500);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(1);
    /** Scheduling slack on a loaded 2-core machine. */
    private static final Duration SLACK = Duration.ofMillis(1500);
    private static final int BURST = 30;

    @TempDir
    static Path dir;
    private static LabCallsign callsign;

    @BeforeAll
    static void start() {
        callsign = LabCallsign.start(dir, Map.of());
    }

    @AfterAll
    static void stop() {
        if (callsign != null) {
            callsign.close();
        }
    }

    @ParameterizedTest(name = "{0} mode, fail-{1}")
    @CsvSource({"HTTP, open", "HTTP, closed", "RPC, open", "RPC, closed"})
    void callsCompleteWithinTheTimeoutWhileCallsignIsDownOrHungAndAreSignedAgainAfterwards(ProxyMode mode, String policy) {
        boolean failClosed = policy.equals("closed");
        String label = mode.name().toLowerCase() + "-" + policy;
        int uasPort = Ports.freeUdp();
        try (FaultyLink link = FaultyLink.to(mode.port(callsign));
                Kamailio proxy = Kamailio.example(dir, defines(mode, link.port(), uasPort, failClosed))) {
            Duration timeout = mode == ProxyMode.RPC ? RPC_TIMEOUT : HTTP_TIMEOUT;
            if (mode == ProxyMode.RPC) {
                proxy.awaitRpcConnected(1);
            }
            assertSigned(Calls.answered(dir, label + "-up", proxy.address(), uasPort, uac -> uac).delivered());

            link.set(FaultyLink.Mode.CLOSED);
            Duration refused = failedCall(proxy, uasPort, failClosed, label + "-down");
            assertThat(refused).as("a closed port fails at once").isLessThan(timeout.plus(SLACK));

            link.set(FaultyLink.Mode.SILENT);
            if (mode == ProxyMode.RPC) {
                proxy.awaitRpcConnected(2); // janssonrpcc reconnects, to a Callsign that never answers
            }
            Duration hung = failedCall(proxy, uasPort, failClosed, label + "-hung");
            assertThat(hung).as("a silent Callsign is given up after the timeout")
                    .isGreaterThanOrEqualTo(timeout.multipliedBy(9).dividedBy(10))
                    .isLessThan(timeout.plus(SLACK));
            // The log names the cause: curl's timeout (28) or janssonrpcc's (-100), without the request.
            assertThat(proxy.process().log()).contains(mode == ProxyMode.RPC ? "failed: janssonrpcc -100" : "failed: HTTP 28")
                    .doesNotContain("\"params\"");

            int connections = proxy.rpcConnections();
            link.set(FaultyLink.Mode.FORWARD);
            if (mode == ProxyMode.RPC) {
                proxy.awaitRpcConnected(connections + 1);
            }
            assertBurstSigned(proxy, uasPort, label + "-burst");
        }
    }

    private static List<String> defines(ProxyMode mode, int callsignPort, int uasPort, boolean failClosed) {
        List<String> defines = new ArrayList<>(mode.defines(callsignPort));
        defines.add(Kamailio.string("CALLSIGN_NEXT_HOP", "sip:127.0.0.1:" + uasPort));
        defines.add("CALLSIGN_TIMEOUT_MS=" + RPC_TIMEOUT.toMillis());
        defines.add("CALLSIGN_HTTP_TIMEOUT=" + HTTP_TIMEOUT.toSeconds());
        if (failClosed) {
            defines.add("CALLSIGN_SIGN_FAIL_CLOSED");
        }
        return defines;
    }

    /** One call while signing fails: relayed unsigned (fail-open) or answered 503 (fail-closed). */
    private static Duration failedCall(Kamailio proxy, int uasPort, boolean failClosed, String label) {
        if (failClosed) {
            Sipp.Result caller = Calls.rejected(dir, label, proxy.address(), uac -> uac);
            assertThat(caller.trace().finalResponse().status()).as(caller.describe()).isEqualTo(503);
            return caller.trace().inviteToFinal();
        }
        Calls.Call call = Calls.answered(dir, label, proxy.address(), uasPort, uac -> uac);
        assertThat(call.delivered().headers("Identity")).as("relayed unsigned: %s", call.delivered().text()).isEmpty();
        return call.uac().trace().inviteToFinal();
    }

    private static void assertBurstSigned(Kamailio proxy, int uasPort, String label) {
        try (Sipp.Running uas = Sipp.scenario("uas_expect_identity.xml", dir, label + "-uas").port(uasPort).calls(BURST)
                .untraced().listen(Duration.ofSeconds(30))) {
            Sipp.Result caller = Sipp.scenario("uac_invite.xml", dir, label + "-uac").calls(BURST).rate(BURST).untraced()
                    .call(proxy.address(), Duration.ofSeconds(30));
            Sipp.Result callee = uas.finish(Duration.ofSeconds(10));
            assertThat(caller.exitCode()).as(caller.describe()).isZero();
            assertThat(caller.successfulCalls()).isEqualTo(BURST);
            // uas_expect_identity.xml fails every call whose INVITE lacks a well-formed Identity.
            assertThat(callee.exitCode()).as(callee.describe()).isZero();
            assertThat(callee.successfulCalls()).isEqualTo(BURST);
        }
    }

    private static void assertSigned(SipMessage invite) {
        assertThat(invite.headers("Identity")).as(invite.text()).hasSize(1);
        assertThat(IdentityValue.parse(invite.headers("Identity").get(0)).attest()).isEqualTo("C");
    }
}
