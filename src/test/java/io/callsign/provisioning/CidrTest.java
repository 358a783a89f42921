package io.callsign.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** CIDR parsing as PostgreSQL's cidr type accepts it, and never a DNS lookup. */
class CidrTest {

    @Test
    void parsesNetworksAndBareAddresses() {
        assertThat(Cidr.parse("192.0.2.0/24").toString()).isEqualTo("192.0.2.0/24");
        assertThat(Cidr.parse("198.51.100.7").toString()).isEqualTo("198.51.100.7/32");
        assertThat(Cidr.parse("0.0.0.0/0").toString()).isEqualTo("0.0.0.0/0");
        assertThat(Cidr.parse("2001:db8::/32")).isEqualTo(Cidr.parse("2001:0db8:0000::/32"));
        assertThat(Cidr.parse("::1").prefixLength()).isEqualTo(128);
    }

    @Test
    void refusesWhatPostgresqlWouldRefuse() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.1/33")).hasMessage("prefix length must be 0-32");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.1/8")).hasMessage("has bits set to the right of /8; use 10.0.0.0/8");
        assertThatThrownBy(() -> Cidr.parse("2001:db8::1/32")).hasMessageStartingWith("has bits set to the right of /32");
        assertThatThrownBy(() -> Cidr.parse("256.0.0.0/8")).hasMessage("octet 256 is above 255");
        assertThatThrownBy(() -> Cidr.parse("10.0.0/8")).hasMessage("is not an IP address");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/")).hasMessage("prefix length must be 0-32");
        assertThatThrownBy(() -> Cidr.parse("::ffff:10.0.0.1")).hasMessage("is an IPv4-mapped address; write it as IPv4");
        assertThatThrownBy(() -> Cidr.parse("fe80::1%eth0")).hasMessage("is not an IP address");
    }

    @Test
    void hostNamesAreRefusedWithoutResolvingThem() {
        // Names that a resolver would answer: refused by shape, before any InetAddress lookup.
        for (String name : new String[] {"localhost", "example.com/24", "abc", "face", "1.2.3.4.example", ".1"}) {
            assertThatThrownBy(() -> Cidr.parse(name)).as(name).hasMessage("is not an IP address");
        }
    }

    @Test
    void randomInputEitherParsesOrIsRefusedWithAReason() {
        Random random = new Random(8224);
        String alphabet = "0123456789abcdef:./%x ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(20); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                Cidr cidr = Cidr.parse(text.toString());
                assertThat(Cidr.parse(cidr.toString())).isEqualTo(cidr);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }
}
