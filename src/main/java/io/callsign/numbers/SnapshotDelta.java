package io.callsign.numbers;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The current rows for a set of changed keys, read from the database: a present value is the row
 * now, an empty one means the row is gone. {@code trunks} is either null (no trunk changed) or every
 * trunk, since trunks are few and their CIDR index is rebuilt as a whole.
 */
record SnapshotDelta(
        Map<Long, Optional<NumberAssignment>> numbers,
        Map<String, Optional<Subscriber>> subscribers,
        Map<String, Optional<String>> users,
        Map<Long, Optional<BlockAssignment>> blocks,
        Collection<Trunk> trunks) {

    int size() {
        return numbers.size() + subscribers.size() + users.size() + blocks.size() + (trunks == null ? 0 : 1);
    }
}
