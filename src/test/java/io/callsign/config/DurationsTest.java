package io.callsign.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parsesUnitsBareSecondsAndIso8601() {
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse(" 30s ")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("10m")).contains(Duration.ofMinutes(10));
        assertThat(Durations.parse("2H")).contains(Duration.ofHours(2));
        assertThat(Durations.parse("7d")).contains(Duration.ofDays(7));
        assertThat(Durations.parse("90")).contains(Duration.ofSeconds(90));
        assertThat(Durations.parse("PT1M30S")).contains(Duration.ofSeconds(90));
        assertThat(Durations.parse("pt10m")).contains(Duration.ofMinutes(10));
    }

    @Test
    void refusesWhatIsNotADuration() {
        for (String bad : new String[] {"", "soon", "-5s", "1.5h", "10 minutes", "1w", "9999999999s"}) {
            assertThat(Durations.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void formatsInTheLargestExactUnit() {
        assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.format(Duration.ofSeconds(61))).isEqualTo("61s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }
}
