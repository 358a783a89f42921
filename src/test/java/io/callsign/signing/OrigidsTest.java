package io.callsign.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SIGN-14: origids are RFC 4122 version-4 UUIDs, lower case, and do not repeat, across threads too. */
class OrigidsTest {

    @Test
    void areVersion4VariantRfc4122InCanonicalLowerCase() {
        for (int i = 0; i < 10_000; i++) {
            String origid = Origids.fresh();
            UUID uuid = UUID.fromString(origid);
            assertThat(origid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(SignInput.isUuid(origid)).isTrue();
        }
    }

    @Test
    void doNotRepeatWithinOrAcrossThreads() throws InterruptedException {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                Set<String> mine = new HashSet<>();
                for (int i = 0; i < 25_000; i++) {
                    mine.add(Origids.fresh());
                }
                seen.addAll(mine);
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSize(100_000);
    }
}
