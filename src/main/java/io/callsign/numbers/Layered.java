package io.callsign.numbers;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable map made of a large base and a small overlay of recent changes (an empty Optional
 * deletes), so that applying one change copies the overlay, not the base. Once the overlay grows past
 * a threshold, both are folded into a new base. Thread-safe: neither map is mutated after construction.
 */
final class Layered<K, V> {

    private final Map<K, V> base;
    private final Map<K, Optional<V>> overlay;

    private Layered(Map<K, V> base, Map<K, Optional<V>> overlay) {
        this.base = base;
        this.overlay = overlay;
    }

    static <K, V> Layered<K, V> of(Map<K, V> base) {
        return new Layered<>(Collections.unmodifiableMap(new HashMap<>(base)), Map.of());
    }

    V get(K key) {
        Optional<V> changed = overlay.get(key);
        if (changed != null) {
            return changed.orElse(null);
        }
        return base.get(key);
    }

    int overlaySize() {
        return overlay.size();
    }

    /** This map with {@code changes} applied; compacts when the overlay would exceed {@code compactAbove}. */
    Layered<K, V> with(Map<K, Optional<V>> changes, int compactAbove) {
        if (changes.isEmpty()) {
            return this;
        }
        Map<K, Optional<V>> merged = new HashMap<>(overlay);
        merged.putAll(changes);
        if (merged.size() <= compactAbove) {
            return new Layered<>(base, Collections.unmodifiableMap(merged));
        }
        Map<K, V> flat = new HashMap<>(base);
        merged.forEach((key, value) -> {
            if (value.isPresent()) {
                flat.put(key, value.get());
            } else {
                flat.remove(key);
            }
        });
        return new Layered<>(Collections.unmodifiableMap(flat), Map.of());
    }
}
