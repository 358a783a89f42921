package io.callsign.certificates;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses special-purpose addresses (RFC 6890 and the IANA special-purpose registries) unless the
 * host name or the address is on the allow list (X5U-07, RFC 8725 §3.10: SSRF). Decides on an
 * {@link InetAddress} before any socket exists. Immutable and thread-safe.
 */
public final class AddressGuard {

    private record Block(Cidr cidr, String name) { }

    private static final List<Block> SPECIAL = List.of(
            block("0.0.0.0/8", "'this network' (RFC 791)"),
            block("10.0.0.0/8", "private-use (RFC 1918)"),
            block("100.64.0.0/10", "shared address space (RFC 6598)"),
            block("127.0.0.0/8", "loopback (RFC 1122)"),
            block("169.254.0.0/16", "link-local (RFC 3927)"),
            block("172.16.0.0/12", "private-use (RFC 1918)"),
            block("192.0.0.0/24", "IETF protocol assignments (RFC 6890)"),
            block("192.0.2.0/24", "documentation (RFC 5737)"),
            block("192.88.99.0/24", "6to4 relay anycast (RFC 7526)"),
            block("192.168.0.0/16", "private-use (RFC 1918)"),
            block("198.18.0.0/15", "benchmarking (RFC 2544)"),
            block("198.51.100.0/24", "documentation (RFC 5737)"),
            block("203.0.113.0/24", "documentation (RFC 5737)"),
            block("224.0.0.0/4", "multicast (RFC 5771)"),
            block("240.0.0.0/4", "reserved (RFC 1112)"),
            block("255.255.255.255/32", "limited broadcast (RFC 919)"),
            block("::/128", "unspecified (RFC 4291)"),
            block("::1/128", "loopback (RFC 4291)"),
            block("::/96", "IPv4-compatible, deprecated (RFC 4291)"),
            block("64:ff9b::/96", "IPv4/IPv6 translation (RFC 6052)"),
            block("100::/64", "discard-only (RFC 6666)"),
            block("2001::/23", "IETF protocol assignments (RFC 2928)"),
            block("2001:db8::/32", "documentation (RFC 3849)"),
            block("fc00::/7", "unique-local (RFC 4193)"),
            block("fe80::/10", "link-local (RFC 4291)"),
            block("ff00::/8", "multicast (RFC 4291)"));

    private final Set<String> allowedHosts;
    private final List<Cidr> allowedBlocks;

    private AddressGuard(Set<String> allowedHosts, List<Cidr> allowedBlocks) {
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.allowedBlocks = List.copyOf(allowedBlocks);
    }

    /** The guard with no exemptions. */
    public static AddressGuard strict() {
        return allowing(List.of());
    }

    /**
     * @param entries host names (exact, case-insensitive) and CIDRs or addresses, as in
     *                CALLSIGN_X5U_ALLOW {@code 127.0.0.1/32,localhost}
     */
    public static AddressGuard allowing(List<String> entries) {
        List<Cidr> blocks = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.indexOf('/') >= 0 || Cidr.literal(entry).isPresent()) {
                try {
                    blocks.add(Cidr.parse(entry));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("CALLSIGN_X5U_ALLOW: " + e.getMessage()
                            + "; use host names or CIDRs such as 127.0.0.1/32");
                }
            } else {
                hosts.add(entry);
            }
        }
        return new AddressGuard(Set.copyOf(hosts), blocks);
    }

    /**
     * Why {@code address} (which {@code host} resolved to) must not be contacted, or empty when it
     * may. IPv4-mapped IPv6 addresses are judged by the IPv4 address they carry.
     */
    public Optional<String> refusal(String host, InetAddress address) {
        if (host != null && allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        InetAddress judged = mappedIpv4(address).orElse(address);
        if (allowedBlocks.stream().anyMatch(b -> b.contains(address) || b.contains(judged))) {
            return Optional.empty();
        }
        return SPECIAL.stream().filter(b -> b.cidr().contains(judged)).findFirst()
                .map(b -> judged.getHostAddress() + " is a special-purpose address, " + b.name()
                        + " in " + b.cidr());
    }

    @Override
    public String toString() {
        return "AddressGuard[allowed hosts=" + allowedHosts + ", allowed blocks="
                + allowedBlocks.stream().map(Cidr::toString).collect(Collectors.joining(",")) + "]";
    }

    /** ::ffff:a.b.c.d. The JDK already turns most of these into Inet4Address, but not all paths do. */
    private static Optional<InetAddress> mappedIpv4(InetAddress address) {
        byte[] b = address.getAddress();
        if (!(address instanceof Inet6Address) || b.length != 16) {
            return Optional.empty();
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return Optional.empty();
            }
        }
        if ((b[10] & 0xff) != 0xff || (b[11] & 0xff) != 0xff) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4-byte address is always valid", e);
        }
    }

    private static Block block(String cidr, String name) {
        return new Block(Cidr.parse(cidr), name);
    }
}
