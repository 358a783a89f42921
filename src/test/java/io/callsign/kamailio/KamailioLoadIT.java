package io.callsign.kamailio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 2,000 calls at 100 calls per second through Kamailio in RPC mode: every call must be answered
 * and every INVITE that reaches the UAS must carry a well-formed Identity header
 * (uas_expect_identity.xml fails the call otherwise). About 20 s of traffic.
 */
class KamailioLoadIT {

    private static final int CALLS = 2000;
    private static final int RATE = 100;

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

    @Test
    void signsTwoThousandCallsAtOneHundredPerSecondWithoutAFailure() {
        int uasPort = Ports.freeUdp();
        List<String> defines = new ArrayList<>(ProxyMode.RPC.defines(callsign.rpcPort()));
        defines.add(Kamailio.string("CALLSIGN_NEXT_HOP", "sip:127.0.0.1:" + uasPort));
        try (Kamailio proxy = Kamailio.example(dir, defines);
                Sipp.Running uas = Sipp.scenario("uas_expect_identity.xml", dir, "load-uas").port(uasPort).calls(CALLS)
                        .untraced().listen(Duration.ofSeconds(60))) {
            proxy.awaitRpcConnected(1);
            long started = System.nanoTime();
            Sipp.Result caller = Sipp.scenario("uac_invite.xml", dir, "load-uac").calls(CALLS).rate(RATE).untraced()
                    .call(proxy.address(), Duration.ofSeconds(60));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            Sipp.Result callee = uas.finish(Duration.ofSeconds(15));

            assertThat(caller.exitCode()).as(caller.describe()).isZero();
            assertThat(caller.successfulCalls()).isEqualTo(CALLS);
            assertThat(caller.failedCalls()).isZero();
            assertThat(callee.exitCode()).as(callee.describe()).isZero();
            assertThat(callee.successfulCalls()).isEqualTo(CALLS);
            assertThat(callee.failedCalls()).isZero();
            assertThat(proxy.process().log()).doesNotContain("callsign: signing");  // no fail-open fallback
            assertThat(elapsed).isLessThan(Duration.ofSeconds(40));
        }
    }
}
