package io.callsign.verification;

import static io.callsign.verification.Fixture.NOW;
import static io.callsign.verification.Fixture.date;
import static io.callsign.verification.Fixture.identity;
import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.ops.Metrics;
import io.callsign.verification.VerificationConfig.Replay;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** VER-20 / SEC-10: the same PASSporT verified again for another call within the window. */
class ReplayTest {

    private final Fixture.FakeCredentials credentials = Fixture.FakeCredentials.standard();

    private static VerifyRequest call(String identity, String callId) {
        return new VerifyRequest(List.of(identity), Fixture.FROM, null, Fixture.TO, null, date(NOW.plusSeconds(5)), callId);
    }

    private VerificationService service(Replay replay, Metrics metrics) {
        return new VerificationService(VerificationConfig.defaults().withReplay(replay), credentials,
                java.time.Clock.fixed(NOW.plusSeconds(5), java.time.ZoneOffset.UTC), metrics);
    }

    @Test
    void ver20_theSameTokenUnderAnotherCallIdIsFlaggedButStillPassesByDefault() {
        Metrics metrics = new Metrics();
        VerificationService service = service(Replay.FLAG, metrics);
        String token = identity();

        VerifyResponse first = service.verify(call(token, "call-1"));
        VerifyResponse second = service.verify(call(token, "call-2"));

        assertThat(first.replay()).isFalse();
        assertThat(second.verstat()).isEqualTo("TN-Validation-Passed");
        assertThat(second.replay()).isTrue();
        assertThat(second.detail()).contains("replay");
        assertThat(metrics.render()).contains("callsign_verify_replays_total 1");
    }

    @Test
    void ver20_theSameTokenUnderTheSameCallIdIsNotAReplay() {
        VerificationService service = service(Replay.FLAG, new Metrics());
        String token = identity();

        service.verify(call(token, "call-1"));

        assertThat(service.verify(call(token, "call-1")).replay()).as("re-sent after a 407 challenge").isFalse();
        assertThat(service.verify(call(token, null)).replay()).as("without a Call-ID nothing matches").isTrue();
    }

    @Test
    void ver20_underTheRejectPolicyAReplayFails438() {
        VerificationService service = new VerificationService(VerificationConfig.defaults().withReplay(Replay.REJECT)
                .withFailure(VerificationConfig.Failure.REJECT), credentials, Fixture.clock(), new Metrics());
        String token = identity();

        assertThat(service.verify(call(token, "call-1")).verstat()).isEqualTo("TN-Validation-Passed");
        VerifyResponse replayed = service.verify(call(token, "call-2"));

        assertThat(replayed.verstat()).isEqualTo("TN-Validation-Failed");
        assertThat(replayed.reject()).isEqualTo(new VerifyResponse.Reject(438, "Invalid Identity Header"));
        assertThat(replayed.detail()).contains("VER-20");
    }

    @Test
    void ver20_offRemembersNothing() {
        VerificationService service = service(Replay.OFF, new Metrics());
        String token = identity();

        service.verify(call(token, "call-1"));

        assertThat(service.verify(call(token, "call-2")).replay()).isFalse();
    }

    @Test
    void sec10_aBadSignatureIsNeverRememberedSoItCannotPoisonTheCache() {
        VerificationService service = service(Replay.FLAG, new Metrics());
        String token = identity();
        String[] gateway = identity(Fixture.claims("C", Fixture.NOW_S)).split("\\.", 3);
        String[] real = token.split("\\.", 3);
        // Another well-formed payload under the real token's signature bytes: fails at the signature.
        String forged = real[0] + "." + gateway[1] + "." + real[2];

        assertThat(service.verify(call(forged, "attacker")).detail()).contains("signature does not verify");

        assertThat(service.verify(call(token, "call-1")).replay()).isFalse();
    }

    @Test
    void entriesExpireAfterTwoWindowsAndMemoryIsBounded() {
        ReplayGuard guard = new ReplayGuard(Duration.ofSeconds(60), 3, new LongAdder());
        byte[] a = {1};

        assertThat(guard.replayed(a, "x", NOW)).isFalse();
        assertThat(guard.replayed(a, "y", NOW.plusSeconds(119))).isTrue();
        assertThat(guard.replayed(a, "z", NOW.plusSeconds(121))).as("expired, remembered afresh").isFalse();
        for (int i = 0; i < 100; i++) {
            guard.replayed(new byte[] {(byte) i, 2}, "c", NOW.plusSeconds(121));
        }
        assertThat(guard.size()).isLessThanOrEqualTo(3);
    }
}
