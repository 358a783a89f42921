package io.callsign.numbers;

import java.util.List;
import java.util.Objects;

/**
 * Where calls enter from.
 *
 * @param name         the trunk's key, as the proxy names it
 * @param kind         what it connects to
 * @param subscriberId the owning subscriber (always set for {@link TrunkKind#CUSTOMER}), or null
 * @param cidrs        source networks whose calls arrive on this trunk
 */
public record Trunk(String name, TrunkKind kind, String subscriberId, List<Cidr> cidrs) {
    public Trunk {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        cidrs = List.copyOf(cidrs);
    }
}
