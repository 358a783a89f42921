package io.callsign.numbers;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the call path needs to know about provisioning, at one moment: immutable, so a call
 * reads one consistent state without locks while a newer snapshot is being prepared. Numbers live in
 * sorted primitive arrays plus a small overlay of recent changes; lookups take microseconds and do
 * not touch the database. Telephone numbers are canonical E.164 digit strings (1 to 15 digits).
 * Thread-safe. Longer than most classes: it is the call path's whole read model, and its lookups
 * share the overlay rules that patching maintains.
 */
public final class NumberSnapshot {

    private final NumberTable table;
    private final Map<Long, Optional<NumberAssignment>> numberOverlay;
    private final long numberCount;
    private final Layered<String, Subscriber> subscribers;
    private final Layered<String, String> users;
    private final Layered<Long, BlockAssignment> blocks;
    /** Bit n set when some block prefix may have n digits; lengths without blocks are skipped. */
    private final int blockLengths;
    private final Map<String, Trunk> trunks;
    private final TrunkIndex trunkIndex;

    NumberSnapshot(NumberTable table, Map<Long, Optional<NumberAssignment>> numberOverlay, long numberCount,
            Layered<String, Subscriber> subscribers, Layered<String, String> users,
            Layered<Long, BlockAssignment> blocks, int blockLengths, Map<String, Trunk> trunks, TrunkIndex trunkIndex) {
        this.table = table;
        this.numberOverlay = numberOverlay;
        this.numberCount = numberCount;
        this.subscribers = subscribers;
        this.users = users;
        this.blocks = blocks;
        this.blockLengths = blockLengths;
        this.trunks = trunks;
        this.trunkIndex = trunkIndex;
    }

    public static NumberSnapshot empty() {
        return builder().build();
    }

    public static NumberSnapshotBuilder builder() {
        return new NumberSnapshotBuilder(16);
    }

    /** A builder pre-sized for {@code expectedNumbers}, to build large snapshots without regrowth. */
    public static NumberSnapshotBuilder builder(int expectedNumbers) {
        return new NumberSnapshotBuilder(expectedNumbers);
    }

    /** The telephone_numbers row for {@code tn}, whether or not it is in force now. */
    public Optional<NumberAssignment> number(String tn) {
        return lookup(DigitKey.require(tn, "telephone number"));
    }

    private Optional<NumberAssignment> lookup(long key) {
        Optional<NumberAssignment> changed = numberOverlay.get(key);
        if (changed != null) {
            return changed;
        }
        int i = table.indexOf(key);
        return i < 0 ? Optional.empty() : Optional.of(table.row(i));
    }

    /** The block with the longest prefix of {@code tn}, if any. */
    public Optional<BlockAssignment> block(String tn) {
        DigitKey.require(tn, "telephone number");
        for (int length = tn.length(); length >= 1; length--) {
            if ((blockLengths & (1 << length)) != 0) {
                BlockAssignment block = blocks.get(DigitKey.encode(tn, length));
                if (block != null) {
                    return Optional.of(block);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Who holds {@code tn} at {@code at}: its own row when in force, else the longest matching block.
     * A row outside its validity window is treated as absent, so a block may then apply.
     */
    public Optional<Assignment> assignment(String tn, Instant at) {
        Optional<NumberAssignment> own = number(tn).filter(row -> row.inForceAt(at));
        return own.isPresent() ? Optional.of(own.get()) : block(tn).map(Assignment.class::cast);
    }

    public Optional<Subscriber> subscriber(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(subscribers.get(id));
    }

    /** The subscriber identified by a SIP user (auth user or AOR, any spelling {@link SipUser} accepts). */
    public Optional<String> subscriberOfUser(String sipUser) {
        String user = SipUser.normalise(sipUser);
        return user == null ? Optional.empty() : Optional.ofNullable(users.get(user));
    }

    public Optional<Trunk> trunk(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(trunks.get(name));
    }

    /** The trunk whose networks contain {@code source} most specifically (longest prefix). */
    public Optional<Trunk> trunkFor(InetAddress source) {
        return source == null ? Optional.empty() : Optional.ofNullable(trunkIndex.find(source));
    }

    public Collection<Trunk> trunks() {
        return trunks.values();
    }

    /** Assigned numbers (rows, in force or not). */
    public long numberCount() {
        return numberCount;
    }

    /** Approximate heap held by the number arrays. */
    public long numberFootprintBytes() {
        return table.footprintBytes();
    }

    /** Changes held on top of the base arrays (they are folded in once there are many). */
    int overlaySize() {
        return numberOverlay.size() + subscribers.overlaySize() + users.overlaySize() + blocks.overlaySize();
    }

    /** This snapshot with {@code delta} applied; the overlay is folded in when above {@code compactAbove}. */
    NumberSnapshot withChanges(SnapshotDelta delta, int compactAbove) {
        long count = numberCount;
        for (Map.Entry<Long, Optional<NumberAssignment>> change : delta.numbers().entrySet()) {
            boolean was = lookup(change.getKey()).isPresent();
            count += (change.getValue().isPresent() ? 1 : 0) - (was ? 1 : 0);
        }
        int lengths = blockLengths;
        for (Map.Entry<Long, Optional<BlockAssignment>> change : delta.blocks().entrySet()) {
            lengths |= change.getValue().map(b -> 1 << b.prefix().length()).orElse(0);
        }
        NumberTable newTable = table;
        Map<Long, Optional<NumberAssignment>> overlay = new HashMap<>(numberOverlay);
        overlay.putAll(delta.numbers());
        if (overlay.size() > compactAbove) {
            newTable = compact(overlay);
            overlay = Map.of();
        }
        Map<String, Trunk> newTrunks = delta.trunks() == null ? trunks : byName(delta.trunks());
        TrunkIndex newIndex = delta.trunks() == null ? trunkIndex : TrunkIndex.of(newTrunks.values());
        return new NumberSnapshot(newTable, Collections.unmodifiableMap(overlay), count,
                subscribers.with(delta.subscribers(), compactAbove), users.with(delta.users(), compactAbove),
                blocks.with(delta.blocks(), compactAbove), lengths, newTrunks, newIndex);
    }

    static Map<String, Trunk> byName(Collection<Trunk> trunks) {
        Map<String, Trunk> out = new HashMap<>();
        for (Trunk trunk : trunks) {
            if (out.put(trunk.name(), trunk) != null) {
                throw new IllegalArgumentException("trunk " + trunk.name() + " is listed twice");
            }
        }
        return Map.copyOf(out);
    }

    private NumberTable compact(Map<Long, Optional<NumberAssignment>> overlay) {
        long[] keys = overlay.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        NumberAssignment[] rows = new NumberAssignment[keys.length];
        for (int i = 0; i < keys.length; i++) {
            rows[i] = overlay.get(keys[i]).orElse(null);
        }
        return table.merge(keys, rows);
    }
}
