package io.callsign.verification;

import static io.callsign.verification.Fixture.NOW;
import static io.callsign.verification.Fixture.X5U;
import static io.callsign.verification.Fixture.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.certificates.Resolution;
import io.callsign.ops.Metrics;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * {@link VerificationService#verifyWithoutWaiting}: the I/O thread answers a warm verification itself,
 * gives up (recording nothing) when a credential needs a fetch, and never calls the waiting resolver.
 */
class VerifyWithoutWaitingTest {

    private static final String COLD_X5U = "https://cold.example.org/cert.pem";

    /** The standard fake, of which only the URLs in {@code warm} can be answered without waiting. */
    private static final class PartlyWarm implements CredentialSource {
        final Fixture.FakeCredentials all = Fixture.FakeCredentials.standard().trusting(COLD_X5U, Fixture.LEAF);
        final Set<String> warm = ConcurrentHashMap.newKeySet();

        @Override
        public Resolution resolve(String x5u, Instant callTime) {
            return all.resolve(x5u, callTime);
        }

        @Override
        public Optional<Resolution> resolveWithoutWaiting(String x5u, Instant callTime) {
            return warm.contains(x5u) ? Optional.of(all.answers.get(x5u)) : Optional.empty();
        }
    }

    private final PartlyWarm credentials = new PartlyWarm();
    private final Metrics metrics = new Metrics();
    private final VerificationService service = new VerificationService(VerificationConfig.defaults(), credentials,
            Fixture.clock(), metrics);

    private static VerifyRequest withoutCallId(List<String> identity) {
        return new VerifyRequest(identity, Fixture.FROM, null, Fixture.TO, null, date(NOW), null);
    }

    @Test
    void aWarmCredentialGivesTheFullVerdictWithoutTheWaitingResolver() {
        credentials.warm.add(X5U);

        Optional<VerifyResponse> response = service.verifyWithoutWaiting(Fixture.request(Fixture.identity()));

        assertThat(response).hasValueSatisfying(r -> {
            assertThat(r.verstat()).as(r.detail()).isEqualTo("TN-Validation-Passed");
            assertThat(r.attest()).isEqualTo("A");
            assertThat(r.replay()).isFalse();
        });
        assertThat(credentials.all.asked).isEmpty();
        assertThat(metrics.render()).contains("callsign_verify_total{verstat=\"TN-Validation-Passed\",reason=\"verified\"} 1");
    }

    @Test
    void ver20_aCredentialThatNeedsAFetchGivesNothingAndRecordsNoReplayOrMetric() {
        credentials.warm.add(X5U);
        String warmHeader = Fixture.identity();
        String coldHeader = Fixture.identity(Fixture.claims(), COLD_X5U, Fixture.LEAF.privateKey());
        VerifyRequest request = withoutCallId(List.of(warmHeader, coldHeader));

        Optional<VerifyResponse> inline = service.verifyWithoutWaiting(request);
        VerifyResponse waited = service.verify(request);

        assertThat(inline).isEmpty();
        assertThat(credentials.all.asked).containsExactly(X5U, COLD_X5U);
        // The first attempt gave up before any signature step: the warm header is not a replay of itself.
        assertThat(waited.verstat()).as(waited.detail()).isEqualTo("TN-Validation-Passed");
        assertThat(waited.replay()).isFalse();
        assertThat(waited.results()).extracting(VerifyResponse.HeaderResult::outcome).containsExactly("passed", "passed");
        assertThat(metrics.render()).contains("callsign_verify_total{verstat=\"TN-Validation-Passed\",reason=\"verified\"} 1")
                .contains("callsign_verify_headers_total{outcome=\"passed\"} 2");
    }

    @Test
    void aSourceThatCannotAnswerWithoutWaitingSendsEveryVerificationToTheWaitingPath() {
        VerificationService lambdaSource = Fixture.service(VerificationConfig.defaults(), credentials.all::resolve);

        assertThat(lambdaSource.verifyWithoutWaiting(Fixture.request(Fixture.identity()))).isEmpty();
        assertThat(credentials.all.asked).isEmpty();
    }

    @Test
    void ver05_aHeaderThatFailsBeforeTheCredentialStepIsAnsweredWithoutWaiting() {
        VerifyRequest stale = Fixture.request(List.of(Fixture.identity()), date(NOW.minusSeconds(61)));

        Optional<VerifyResponse> response = service.verifyWithoutWaiting(stale);

        assertThat(response).hasValueSatisfying(r -> {
            assertThat(r.verstat()).isEqualTo("TN-Validation-Failed");
            assertThat(r.results().get(0).code()).isEqualTo(403);
        });
        assertThat(credentials.all.asked).isEmpty();
    }
}
