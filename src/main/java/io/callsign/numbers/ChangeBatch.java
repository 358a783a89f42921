package io.callsign.numbers;

import java.util.Map;
import java.util.Set;

/**
 * Changes not yet applied, grouped by entity ("number", "block", "subscriber", "user", "trunk").
 *
 * @param next  the cursor once these are applied
 * @param keys  changed keys per entity
 * @param bulk  entities changed in bulk (a key-less change row): reload them whole
 */
record ChangeBatch(ChangeCursor next, Map<String, Set<String>> keys, Set<String> bulk) {

    boolean isEmpty() {
        return keys.isEmpty() && bulk.isEmpty();
    }

    int keyCount() {
        return keys.values().stream().mapToInt(Set::size).sum();
    }

    /** True when patching cannot or should not be done: a bulk change other than trunks, or too many keys. */
    boolean needsFullLoad(int patchLimit) {
        return bulk.stream().anyMatch(entity -> !entity.equals("trunk")) || keyCount() > patchLimit;
    }

    boolean touchesTrunks() {
        return keys.containsKey("trunk") || bulk.contains("trunk");
    }
}
