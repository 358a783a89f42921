package io.callsign.kamailio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** One call UAC → proxy → UAS, each sipp with its own trace. */
final class Calls {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private Calls() {
    }

    /** What both ends saw of one call. */
    record Call(Sipp.Result uac, Sipp.Result uas) {

        /** The INVITE as it reached the UAS. */
        SipMessage delivered() {
            return uas.trace().firstInvite();
        }
    }

    /**
     * A call that the UAS answers: both sipp runs must succeed.
     *
     * @param uasPort the proxy's next hop
     * @param uac     adds keys (caller, headers) or a source address to the UAC
     */
    static Call answered(Path directory, String label, String proxy, int uasPort, UnaryOperator<Sipp> uac) {
        try (Sipp.Running uas = Sipp.scenario("uas_capture.xml", directory, label + "-uas").port(uasPort)
                .listen(CALL_TIMEOUT)) {
            Sipp.Result caller = uac.apply(Sipp.scenario("uac_invite.xml", directory, label + "-uac"))
                    .call(proxy, CALL_TIMEOUT);
            Sipp.Result callee = uas.finish(CALL_TIMEOUT);
            assertThat(caller.exitCode()).as("UAC of %s: %s", label, caller.describe()).isZero();
            assertThat(callee.exitCode()).as("UAS of %s: %s", label, callee.describe()).isZero();
            return new Call(caller, callee);
        }
    }

    /** A call that the proxy must reject; returns the UAC's result (its final response is in the trace). */
    static Sipp.Result rejected(Path directory, String label, String proxy, UnaryOperator<Sipp> uac) {
        Sipp.Result caller = uac.apply(Sipp.scenario("uac_invite_rejected.xml", directory, label + "-uac"))
                .call(proxy, CALL_TIMEOUT);
        assertThat(caller.exitCode()).as("UAC of %s: %s", label, caller.describe()).isZero();
        return caller;
    }
}
