package io.callsign.numbers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link NumberSnapshot} from rows, in memory: used by the database loader, by tests (no
 * database needed) and by benchmarks. Checks what the schema checks (digits, one holder per number
 * and per prefix) so that a snapshot built here behaves like one loaded from PostgreSQL.
 * Not thread-safe; single use.
 */
public final class NumberSnapshotBuilder {

    private final NumberTableBuilder numbers;
    private final Map<String, Subscriber> subscribers = new HashMap<>();
    private final Map<String, String> users = new HashMap<>();
    private final Map<Long, BlockAssignment> blocks = new HashMap<>();
    private final List<Trunk> trunks = new ArrayList<>();
    private int blockLengths;

    NumberSnapshotBuilder(int expectedNumbers) {
        numbers = new NumberTableBuilder(expectedNumbers);
    }

    public NumberSnapshotBuilder subscriber(String id, String name, boolean verified) {
        subscribers.put(id, new Subscriber(id, name, verified));
        return this;
    }

    /** A SIP identity (auth user or AOR) of a subscriber; stored in {@link SipUser} normal form. */
    public NumberSnapshotBuilder user(String sipUser, String subscriberId) {
        String user = SipUser.normalise(sipUser);
        if (user == null) {
            throw new IllegalArgumentException("SIP user '" + sipUser + "' is empty once normalised");
        }
        users.put(user, subscriberId);
        return this;
    }

    public NumberSnapshotBuilder number(String tn, String subscriberId, boolean verified) {
        return number(tn, subscriberId, verified, null, null);
    }

    /** A number in force from {@code validFrom} (inclusive) until {@code validUntil} (exclusive); null = open. */
    public NumberSnapshotBuilder number(String tn, String subscriberId, boolean verified, Instant validFrom,
            Instant validUntil) {
        numbers.add(tn, subscriberId, verified, validFrom, validUntil);
        return this;
    }

    /** The fast path for bulk sources: {@code value} written with exactly {@code digits} digits. */
    public NumberSnapshotBuilder number(long value, int digits, String subscriberId, boolean verified) {
        if (digits < 1 || digits > DigitKey.MAX_DIGITS || value < 0 || Long.toString(value).length() > digits) {
            throw new IllegalArgumentException("number " + value + " does not fit in " + digits + " digits (1 to 15)");
        }
        numbers.add(DigitKey.of(value, digits), subscriberId, verified, NumberTable.OPEN_START, NumberTable.OPEN_END);
        return this;
    }

    public NumberSnapshotBuilder block(String id, String prefix, String subscriberId, boolean verified) {
        long key = DigitKey.require(prefix, "block prefix");
        BlockAssignment previous = blocks.put(key, new BlockAssignment(id, prefix, subscriberId, verified));
        if (previous != null) {
            throw new IllegalArgumentException("prefix " + prefix + " is held by blocks " + previous.id() + " and " + id);
        }
        blockLengths |= 1 << prefix.length();
        return this;
    }

    /** A trunk and its source networks, e.g. "192.0.2.0/24", "2001:db8::/32". */
    public NumberSnapshotBuilder trunk(String name, TrunkKind kind, String subscriberId, String... cidrs) {
        return trunk(name, kind, subscriberId, Arrays.stream(cidrs).map(Cidr::parse).toList());
    }

    public NumberSnapshotBuilder trunk(String name, TrunkKind kind, String subscriberId, List<Cidr> cidrs) {
        trunks.add(new Trunk(name, kind, subscriberId, cidrs));
        return this;
    }

    public NumberSnapshot build() {
        NumberTable table = numbers.build();
        Map<String, Trunk> byName = NumberSnapshot.byName(trunks);
        return new NumberSnapshot(table, Map.<Long, Optional<NumberAssignment>>of(), table.size(),
                Layered.of(subscribers), Layered.of(users), Layered.of(blocks), blockLengths, byName,
                TrunkIndex.of(byName.values()));
    }
}
