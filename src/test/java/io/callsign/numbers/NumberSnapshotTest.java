package io.callsign.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lookups on a snapshot built in memory: the same structure the database loader fills. */
class NumberSnapshotTest {

    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");

    private final NumberSnapshot snapshot = NumberSnapshot.builder()
            .subscriber("acct-42", "Acme", true)
            .subscriber("acct-7", "Other", false)
            .user("alice@ims.local", "acct-42")
            .number("15145559876", "acct-42", true)
            .number("0123", "acct-42", false)
            .number("123", "acct-7", true)
            .number("15145550000", "acct-7", true, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"))
            .block("b-short", "1514", "acct-7", false)
            .block("b-long", "1514555", "acct-42", true)
            .trunk("pstn-gw-1", TrunkKind.GATEWAY, null, "192.0.2.0/24")
            .trunk("pbx-7", TrunkKind.CUSTOMER, "acct-7", "192.0.2.128/25", "2001:db8:7::/48")
            .trunk("core", TrunkKind.INTERNAL, null, "2001:db8::/32", "10.0.0.0/8")
            .build();

    @Test
    void findsExactNumbers() {
        assertThat(snapshot.number("15145559876")).contains(new NumberAssignment("15145559876", "acct-42", true, null, null));
        assertThat(snapshot.number("15145559877")).isEmpty();
        assertThat(snapshot.numberCount()).isEqualTo(4);
    }

    @Test
    void tellsLeadingZerosApart() {
        assertThat(snapshot.number("0123").orElseThrow().subscriberId()).isEqualTo("acct-42");
        assertThat(snapshot.number("123").orElseThrow().subscriberId()).isEqualTo("acct-7");
        assertThat(snapshot.number("00123")).isEmpty();
    }

    @Test
    void picksTheLongestMatchingBlock() {
        assertThat(snapshot.block("15145551111").map(BlockAssignment::id)).contains("b-long");
        assertThat(snapshot.block("15149990000").map(BlockAssignment::id)).contains("b-short");
        assertThat(snapshot.block("1514555").map(BlockAssignment::id)).contains("b-long");
        assertThat(snapshot.block("151")).isEmpty();
        assertThat(snapshot.block("4930123456")).isEmpty();
    }

    @Test
    void prefersTheNumberRowOverAnyBlock() {
        assertThat(snapshot.assignment("15145559876", NOW)).containsInstanceOf(NumberAssignment.class);
        assertThat(snapshot.assignment("15145551111", NOW).map(Assignment::subscriberId)).contains("acct-42");
    }

    @Test
    void ignoresNumberRowsOutsideTheirValidityWindow() {
        Instant before = Instant.parse("2025-12-31T23:59:59Z");
        Instant inside = Instant.parse("2026-03-01T00:00:00Z");
        Instant atEnd = Instant.parse("2026-06-01T00:00:00Z");
        assertThat(snapshot.assignment("15145550000", inside).map(Assignment::subscriberId)).contains("acct-7");
        assertThat(snapshot.assignment("15145550000", Instant.parse("2026-01-01T00:00:00Z"))).containsInstanceOf(NumberAssignment.class);
        // outside the window the row does not apply: the block holder does
        assertThat(snapshot.assignment("15145550000", before)).containsInstanceOf(BlockAssignment.class);
        assertThat(snapshot.assignment("15145550000", atEnd).map(Assignment::subscriberId)).contains("acct-42");
        assertThat(snapshot.number("15145550000").orElseThrow().validUntil()).isEqualTo(atEnd);
    }

    @Test
    void findsTrunksByNameAndByLongestCidr() {
        assertThat(snapshot.trunk("pstn-gw-1").map(Trunk::kind)).contains(TrunkKind.GATEWAY);
        assertThat(snapshot.trunk("nope")).isEmpty();
        assertThat(trunkFor("192.0.2.10")).contains("pstn-gw-1");
        assertThat(trunkFor("192.0.2.200")).contains("pbx-7"); // /25 beats /24
        assertThat(trunkFor("10.1.2.3")).contains("core");
        assertThat(trunkFor("198.51.100.9")).isEmpty();
        assertThat(trunkFor("2001:db8:7:1::5")).contains("pbx-7"); // /48 beats /32
        assertThat(trunkFor("2001:db8:8::5")).contains("core");
        assertThat(trunkFor("2001:db9::1")).isEmpty();
        assertThat(trunkFor("::ffff:192.0.2.130")).contains("pbx-7");
    }

    @Test
    void resolvesTheSameNetworkOnTwoTrunksToTheFirstName() {
        NumberSnapshot twice = NumberSnapshot.builder()
                .trunk("b-trunk", TrunkKind.GATEWAY, null, "192.0.2.0/24")
                .trunk("a-trunk", TrunkKind.PEERING, null, "192.0.2.0/24")
                .build();
        assertThat(twice.trunkFor(IpLiteral.parse("192.0.2.1")).map(Trunk::name)).contains("a-trunk");
    }

    @Test
    void mapsSipUsersInAnySpelling() {
        assertThat(snapshot.subscriberOfUser("sip:alice@IMS.local")).contains("acct-42");
        assertThat(snapshot.subscriberOfUser("bob@ims.local")).isEmpty();
        assertThat(snapshot.subscriberOfUser(null)).isEmpty();
        assertThat(snapshot.subscriber("acct-7").map(Subscriber::verified)).contains(false);
    }

    @Test
    void refusesInputThatIsNotCanonicalDigits() {
        assertThatThrownBy(() -> snapshot.number("+15145559876")).hasMessageContaining("not a canonical E.164 number");
        assertThatThrownBy(() -> NumberSnapshot.builder().number("1514555000012345", "a", true))
                .hasMessageContaining("1514555000012345");
    }

    @Test
    void refusesTwoHoldersForOneNumberOrPrefix() {
        assertThatThrownBy(() -> NumberSnapshot.builder().number("2", "a", true).number("1", "a", true).number("2", "b", true).build())
                .hasMessageContaining("telephone number 2 is listed twice");
        assertThatThrownBy(() -> NumberSnapshot.builder().block("x", "1514", "a", true).block("y", "1514", "b", true))
                .hasMessageContaining("prefix 1514 is held by blocks x and y");
    }

    @Test
    void sortsRandomInputAndFindsEveryNumber() {
        Random random = new Random(7);
        Map<String, String> expected = new HashMap<>();
        NumberSnapshotBuilder builder = NumberSnapshot.builder();
        while (expected.size() < 50_000) {
            String tn = Long.toString(random.nextLong() & Long.MAX_VALUE).substring(0, 1 + random.nextInt(15));
            if (expected.putIfAbsent(tn, "s" + random.nextInt(100)) == null) {
                builder.number(tn, expected.get(tn), random.nextBoolean(),
                        random.nextInt(10) == 0 ? NOW : null, null);
            }
        }
        NumberSnapshot built = builder.build();
        expected.forEach((tn, subscriber) -> assertThat(built.number(tn).orElseThrow().subscriberId()).isEqualTo(subscriber));
        assertThat(built.numberCount()).isEqualTo(expected.size());
    }

    @Test
    void appliesChangesOnTopOfTheBaseAndCompactsThem() {
        NumberSnapshot changed = snapshot.withChanges(delta(Map.of(
                DigitKey.encode("15145559876"), Optional.empty(),
                DigitKey.encode("16135550000"), Optional.of(new NumberAssignment("16135550000", "acct-new", true, null, NOW)),
                DigitKey.encode("123"), Optional.of(new NumberAssignment("123", "acct-7", false, null, null)))), 100);
        assertChanged(changed);
        assertThat(changed.overlaySize()).isEqualTo(3);
        NumberSnapshot compacted = snapshot.withChanges(delta(Map.of(
                DigitKey.encode("15145559876"), Optional.empty(),
                DigitKey.encode("16135550000"), Optional.of(new NumberAssignment("16135550000", "acct-new", true, null, NOW)),
                DigitKey.encode("123"), Optional.of(new NumberAssignment("123", "acct-7", false, null, null)))), 2);
        assertChanged(compacted);
        assertThat(compacted.overlaySize()).isZero();
        // the original is untouched: snapshots are immutable
        assertThat(snapshot.number("15145559876")).isPresent();
    }

    private static void assertChanged(NumberSnapshot changed) {
        assertThat(changed.number("15145559876")).isEmpty();
        assertThat(changed.assignment("15145559876", NOW).map(Assignment::subscriberId)).contains("acct-42"); // block now
        assertThat(changed.number("16135550000").orElseThrow().validUntil()).isEqualTo(NOW);
        assertThat(changed.number("123").orElseThrow().verified()).isFalse();
        assertThat(changed.number("0123")).isPresent();
        assertThat(changed.numberCount()).isEqualTo(4);
        assertThat(changed.number("15145550000").orElseThrow().validFrom()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void compactionAgreesWithAPlainMapOverManyRandomChanges() {
        Random random = new Random(11);
        Map<String, NumberAssignment> expected = new HashMap<>();
        NumberSnapshot current = NumberSnapshot.empty();
        for (int round = 0; round < 200; round++) {
            Map<Long, Optional<NumberAssignment>> changes = new HashMap<>();
            for (int i = 0; i < 1 + random.nextInt(40); i++) {
                String tn = Integer.toString(random.nextInt(3_000));
                NumberAssignment row = random.nextInt(4) == 0 ? null
                        : new NumberAssignment(tn, "s" + random.nextInt(5), random.nextBoolean(),
                                random.nextBoolean() ? NOW : null, null);
                changes.put(DigitKey.encode(tn), Optional.ofNullable(row));
            }
            changes.forEach((key, row) -> {
                if (row.isPresent()) {
                    expected.put(DigitKey.decode(key), row.get());
                } else {
                    expected.remove(DigitKey.decode(key));
                }
            });
            current = current.withChanges(delta(changes), 150);
        }
        for (int i = 0; i < 3_000; i++) {
            String tn = Integer.toString(i);
            assertThat(current.number(tn)).as(tn).isEqualTo(Optional.ofNullable(expected.get(tn)));
        }
        assertThat(current.numberCount()).isEqualTo(expected.size());
    }

    @Test
    void patchesSubscribersUsersBlocksAndTrunks() {
        NumberSnapshot changed = snapshot.withChanges(new SnapshotDelta(Map.of(),
                Map.of("acct-7", Optional.of(new Subscriber("acct-7", "Other", true))),
                Map.of("alice@ims.local", Optional.empty(), "bob@ims.local", Optional.of("acct-7")),
                Map.of(DigitKey.encode("1514555"), Optional.empty(),
                        DigitKey.encode("151455599"), Optional.of(new BlockAssignment("b-9", "151455599", "acct-7", true))),
                List.of(new Trunk("gw-2", TrunkKind.PEERING, null, List.of(Cidr.parse("198.51.100.0/24"))))), 100);
        assertThat(changed.subscriber("acct-7").orElseThrow().verified()).isTrue();
        assertThat(changed.subscriberOfUser("alice@ims.local")).isEmpty();
        assertThat(changed.subscriberOfUser("bob@ims.local")).contains("acct-7");
        assertThat(changed.block("15145551111").map(BlockAssignment::id)).contains("b-short");
        assertThat(changed.block("15145559900").map(BlockAssignment::id)).contains("b-9");
        assertThat(changed.trunk("pstn-gw-1")).isEmpty();
        assertThat(changed.trunkFor(IpLiteral.parse("198.51.100.9")).map(Trunk::name)).contains("gw-2");
    }

    private static SnapshotDelta delta(Map<Long, Optional<NumberAssignment>> numbers) {
        return new SnapshotDelta(numbers, Map.of(), Map.of(), Map.of(), null);
    }

    private Optional<String> trunkFor(String ip) {
        return snapshot.trunkFor(IpLiteral.parse(ip)).map(Trunk::name);
    }
}
