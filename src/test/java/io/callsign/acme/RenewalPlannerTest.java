package io.callsign.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RenewalPlannerTest {

    private static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOT_AFTER = Instant.parse("2026-04-01T00:00:00Z"); // 90 days
    private static IssuedCertificate certificate;

    private final RenewalPlanner planner = new RenewalPlanner(RenewalPolicy.defaults(), fixedRandom(0.5));

    @BeforeAll
    static void issue() throws Exception {
        certificate = new TestPki.Ca("Planner CA").issued(NOT_BEFORE, NOT_AFTER);
    }

    @Test
    void acme17WithoutAriRenewsAtTwoThirdsOfTheLifetime() {
        assertThat(planner.renewalTime(certificate, Optional.empty(), NOT_BEFORE))
                .isEqualTo(NOT_BEFORE.plus(Duration.ofDays(60)));
    }

    @Test
    void acme16PicksInsideAFutureWindow() {
        RenewalWindow window = new RenewalWindow(Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-03-03T00:00:00Z"), null, null);
        assertThat(planner.renewalTime(certificate, Optional.of(window), NOT_BEFORE))
                .isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }

    @Test
    void acme16AWindowInThePastMeansNow() {
        Instant now = Instant.parse("2026-03-20T00:00:00Z");
        RenewalWindow window = new RenewalWindow(Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-03-03T00:00:00Z"), null, null);
        assertThat(planner.renewalTime(certificate, Optional.of(window), now)).isEqualTo(now);
    }

    @Test
    void acme16AWindowEndingBeforeItStartsCountsAsNoAnswer() {
        RenewalWindow inverted = new RenewalWindow(Instant.parse("2026-03-03T00:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z"), null, null);
        assertThat(planner.renewalTime(certificate, Optional.of(inverted), NOT_BEFORE))
                .isEqualTo(NOT_BEFORE.plus(Duration.ofDays(60)));
    }

    @Test
    void acme16RetryAfterIsClampedBetweenAMinuteAndADay() {
        Instant now = NOT_BEFORE;
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        Instant end = Instant.parse("2026-03-03T00:00:00Z");
        assertThat(planner.nextAriPoll(new RenewalWindow(start, end, now.plusSeconds(5), null), now))
                .isEqualTo(now.plus(Duration.ofMinutes(1)));
        assertThat(planner.nextAriPoll(new RenewalWindow(start, end, now.plus(Duration.ofDays(9)), null), now))
                .isEqualTo(now.plus(Duration.ofDays(1)));
        assertThat(planner.nextAriPoll(new RenewalWindow(start, end, now.plus(Duration.ofHours(2)), null), now))
                .isEqualTo(now.plus(Duration.ofHours(2)));
        assertThat(planner.nextAriPoll(new RenewalWindow(start, end, null, null), now))
                .isEqualTo(now.plus(Duration.ofHours(6)));
    }

    @Test
    void alertsWithinSevenDaysOfExpiry() {
        assertThat(planner.nearExpiry(certificate, NOT_AFTER.minus(Duration.ofDays(8)))).isFalse();
        assertThat(planner.nearExpiry(certificate, NOT_AFTER.minus(Duration.ofDays(7)))).isTrue();
    }

    private static RandomGenerator fixedRandom(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
