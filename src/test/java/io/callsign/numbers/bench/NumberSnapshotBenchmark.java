package io.callsign.numbers.bench;

import io.callsign.attestation.AttestationConfig;
import io.callsign.attestation.AttestationPolicy;
import io.callsign.attestation.CallOrigin;
import io.callsign.numbers.NumberSnapshot;
import io.callsign.numbers.NumberSnapshotBuilder;
import io.callsign.numbers.SnapshotProbe;
import io.callsign.numbers.TrunkKind;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Builds a synthetic snapshot of N numbers (default 10,000,000) in memory and reports build time,
 * heap held after GC, and lookup latency percentiles over M random lookups (default 1,000,000), half
 * hits and half misses. Run with a capped heap to prove it fits, e.g.
 * {@code java -Xmx1g -cp <test classpath> io.callsign.numbers.bench.NumberSnapshotBenchmark [N] [M]}.
 */
public final class NumberSnapshotBenchmark {

    private static final long SPAN = 90_000_000_000L; // 11-digit numbers starting with 1..9
    private static final long STRIDE = 7_919_113L; // coprime with SPAN: i -> i*STRIDE mod SPAN is a permutation
    private static final int SUBSCRIBERS = 100_000;

    private NumberSnapshotBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        long t0 = System.nanoTime();
        NumberSnapshot snapshot = build(count);
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        long held = usedAfterGc(memory) - before;
        System.out.printf("numbers: %,d; build: %,d ms; heap held after GC: %,d MB (arrays alone: %,d MB); max heap %,d MB%n",
                snapshot.numberCount(), buildMs, held >> 20, snapshot.numberFootprintBytes() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        patches(snapshot);
        String[] tns = lookupSet(count, lookups);
        measure("number(tn)", tns, tn -> snapshot.number(tn));
        java.time.Instant now = java.time.Instant.now();
        measure("assignment(tn) (number, else longest block)", tns, tn -> snapshot.assignment(tn, now));
        AttestationPolicy policy = new AttestationPolicy(AttestationConfig.defaults(), Clock.systemUTC());
        CallOrigin origin = CallOrigin.of("pbx-1", null, null, null, null);
        measure("AttestationPolicy.decide (customer trunk)", tns, tn -> policy.decide(origin, tn, null, snapshot));
    }

    /** One change applied as the change feed does: overlay patches, then one compaction into new arrays. */
    private static void patches(NumberSnapshot snapshot) {
        NumberSnapshot patched = snapshot;
        int rounds = 2_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            patched = SnapshotProbe.patchNumber(patched, Long.toString(numberAt(i)), "acct-7", false, 50_000);
        }
        long perPatch = (System.nanoTime() - t0) / rounds;
        long t1 = System.nanoTime();
        NumberSnapshot compacted = SnapshotProbe.patchNumber(patched, "19999999999", "acct-7", true, 0);
        long compactMs = (System.nanoTime() - t1) / 1_000_000;
        System.out.printf("patch: %.1f us per change (overlay up to %,d entries); compaction of %,d numbers: %,d ms%n",
                perPatch / 1e3, rounds, compacted.numberCount(), compactMs);
    }

    private static NumberSnapshot build(int count) {
        NumberSnapshotBuilder builder = NumberSnapshot.builder(count);
        String[] ids = new String[SUBSCRIBERS];
        for (int s = 0; s < SUBSCRIBERS; s++) {
            ids[s] = "acct-" + s;
            builder.subscriber(ids[s], "", s % 10 != 0);
        }
        for (int b = 0; b < 10_000; b++) {
            builder.block("blk-" + b, Long.toString(1_000_000L + b * 7L), ids[b % SUBSCRIBERS], b % 2 == 0);
        }
        builder.trunk("pbx-1", TrunkKind.CUSTOMER, ids[1], "203.0.113.0/24");
        builder.trunk("gw-1", TrunkKind.GATEWAY, null, "198.18.0.0/15");
        for (long i = 0; i < count; i++) { // scrambled order: the build has to sort
            builder.number(numberAt(i), 11, ids[(int) (i % SUBSCRIBERS)], i % 3 != 0);
        }
        return builder.build();
    }

    private static long numberAt(long i) {
        return 10_000_000_000L + (i * STRIDE) % SPAN;
    }

    private static String[] lookupSet(int count, int lookups) {
        Random random = new Random(42);
        String[] tns = new String[lookups];
        for (int i = 0; i < lookups; i++) {
            long value = i % 2 == 0 ? numberAt(random.nextInt(count)) : 10_000_000_000L + (long) (random.nextDouble() * SPAN);
            tns[i] = Long.toString(value);
        }
        return tns;
    }

    private static void measure(String what, String[] tns, Consumer<String> lookup) {
        for (int i = 0; i < Math.min(tns.length, 200_000); i++) {
            lookup.accept(tns[i]); // warm-up: let the JIT compile the path
        }
        long[] nanos = new long[tns.length];
        long t0 = System.nanoTime();
        for (int i = 0; i < tns.length; i++) {
            long start = System.nanoTime();
            lookup.accept(tns[i]);
            nanos[i] = System.nanoTime() - start;
        }
        long total = System.nanoTime() - t0;
        Arrays.sort(nanos);
        System.out.printf("%s: %,d lookups, p50 %.2f us, p99 %.2f us, p99.9 %.2f us, max %.1f us, throughput %,d/s%n",
                what, tns.length, nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3,
                nanos[(int) (nanos.length * 0.999)] / 1e3, nanos[nanos.length - 1] / 1e3,
                (long) (tns.length / (total / 1e9)));
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
