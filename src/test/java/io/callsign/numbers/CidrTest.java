package io.callsign.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void parsesIpv4AndIpv6LiteralsWithoutDns() throws Exception {
        assertThat(IpLiteral.parse("192.0.2.10")).isEqualTo(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 10}));
        assertThat(IpLiteral.parse("2001:db8::1").getAddress())
                .isEqualTo(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        assertThat(IpLiteral.parse("[::1]").getAddress()[15]).isEqualTo((byte) 1);
        assertThat(IpLiteral.parse("::ffff:192.0.2.1").getAddress()).hasSize(4);
        assertThat(IpLiteral.parse("1:2:3:4:5:6:7:8").getHostAddress()).isEqualTo("1:2:3:4:5:6:7:8");
    }

    @Test
    void refusesNamesAndMalformedLiterals() {
        for (String bad : new String[] {"localhost", "example.com", "abc", "1.2.3", "256.1.1.1", "1.2.3.4.5", "1::2::3",
                "1:2:3:4:5:6:7:8:9", "12345::", "fe80::1%eth0", "", "1:2:3:4:5:6:7::8"}) {
            assertThat(IpLiteral.tryParse(bad)).as("%s", bad).isEmpty();
        }
        assertThatThrownBy(() -> IpLiteral.parse("pbx.example")).hasMessageContaining("'pbx.example' is not an IP address literal");
    }

    @Test
    void matchesAddressesInsideTheNetworkOnly() {
        Cidr v4 = Cidr.parse("192.0.2.0/24");
        assertThat(v4.contains(IpLiteral.parse("192.0.2.255"))).isTrue();
        assertThat(v4.contains(IpLiteral.parse("192.0.3.0"))).isFalse();
        assertThat(v4.contains(IpLiteral.parse("::ffff:192.0.2.7"))).isTrue();
        Cidr v6 = Cidr.parse("2001:db8:1::/48");
        assertThat(v6.contains(IpLiteral.parse("2001:db8:1:ffff::1"))).isTrue();
        assertThat(v6.contains(IpLiteral.parse("2001:db8:2::1"))).isFalse();
        assertThat(v6.contains(IpLiteral.parse("192.0.2.1"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(IpLiteral.parse("203.0.113.9"))).isTrue();
        assertThat(Cidr.parse("198.51.100.7").prefixLength()).isEqualTo(32);
    }

    @Test
    void refusesHostBitsAndBadLengthsLikePostgresDoes() {
        assertThatThrownBy(() -> Cidr.parse("192.0.2.1/24")).hasMessageContaining("bits set to the right of the mask");
        assertThatThrownBy(() -> Cidr.parse("192.0.2.0/33")).hasMessageContaining("outside 0..32");
        assertThatThrownBy(() -> Cidr.parse("192.0.2.0/")).hasMessageContaining("no valid prefix length");
    }
}
