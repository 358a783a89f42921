package io.callsign.numbers;

import java.util.Set;

/**
 * How far a reader got in provisioning_changes: every change of a transaction with an id below
 * {@code xmin} has been applied, and so have the listed change rows at or above it. See
 * db/migration V3 for why transaction ids rather than sequence order.
 *
 * @param xmin the xmin of the database snapshot last read
 * @param seen seqs of change rows with txid >= xmin already applied
 */
record ChangeCursor(long xmin, Set<Long> seen) {
    ChangeCursor {
        seen = Set.copyOf(seen);
    }
}
