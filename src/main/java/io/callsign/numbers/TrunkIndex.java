package io.callsign.numbers;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Source address to trunk by longest CIDR match, IPv4 and IPv6. Precomputed per prefix length that
 * actually occurs, longest first: a lookup masks the address once per such length and probes a hash
 * map, so a few dozen networks cost a few probes. When two trunks list the same network, the trunk
 * whose name sorts first wins (deterministic; the provisioning API should refuse such overlaps).
 * Immutable and thread-safe.
 */
final class TrunkIndex {

    private record Level(int length, Map<Object, Trunk> networks) {
    }

    private record V6(long high, long low) {
    }

    private final List<Level> v4;
    private final List<Level> v6;

    private TrunkIndex(List<Level> v4, List<Level> v6) {
        this.v4 = v4;
        this.v6 = v6;
    }

    static TrunkIndex of(Iterable<Trunk> trunks) {
        TreeMap<Integer, Map<Object, Trunk>> v4 = new TreeMap<>(Comparator.reverseOrder());
        TreeMap<Integer, Map<Object, Trunk>> v6 = new TreeMap<>(Comparator.reverseOrder());
        List<Trunk> byName = new ArrayList<>();
        trunks.forEach(byName::add);
        byName.sort(Comparator.comparing(Trunk::name));
        for (Trunk trunk : byName) {
            for (Cidr cidr : trunk.cidrs()) {
                byte[] raw = cidr.network().getAddress();
                (raw.length == 4 ? v4 : v6).computeIfAbsent(cidr.prefixLength(), length -> new HashMap<>())
                        .putIfAbsent(key(raw), trunk);
            }
        }
        return new TrunkIndex(levels(v4), levels(v6));
    }

    private static List<Level> levels(TreeMap<Integer, Map<Object, Trunk>> byLength) {
        List<Level> out = new ArrayList<>();
        byLength.forEach((length, networks) -> out.add(new Level(length, Map.copyOf(networks))));
        return List.copyOf(out);
    }

    Trunk find(InetAddress source) {
        byte[] raw = source.getAddress();
        for (Level level : raw.length == 4 ? v4 : v6) {
            Trunk trunk = level.networks().get(key(Cidr.mask(raw, level.length())));
            if (trunk != null) {
                return trunk;
            }
        }
        return null;
    }

    private static Object key(byte[] raw) {
        if (raw.length == 4) {
            return (long) word(raw, 0, 4);
        }
        return new V6(word(raw, 0, 8), word(raw, 8, 8));
    }

    private static long word(byte[] raw, int from, int count) {
        long value = 0;
        for (int i = from; i < from + count; i++) {
            value = (value << 8) | (raw[i] & 0xff);
        }
        return value;
    }
}
