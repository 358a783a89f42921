package io.callsign.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Per-certificate publication: names, expiry, bound, and the x5u derived from our cert.pem URL. */
class PublishedChainsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(TestPki.NOW);
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    @Test
    void theFileNameIs16HexDigitsOfTheLeafHashAndTheX5uItsSiblingOfCertPem() {
        TestPki.Chain chain = TestPki.shakenChain(TestPki.NOW);
        String name = PublishedChains.fileName(chain.certificates().get(0));
        assertThat(name).matches("[0-9a-f]{16}\\.pem").isNotEqualTo(PublishedChains.fileName(chain.certificates().get(1)));
        assertThat(PublishedChains.isFileName(name)).isTrue();
        assertThat(PublishedChains.isFileName("cert.pem")).isFalse();
        assertThat(PublishedChains.isFileName("../../etc/passwd")).isFalse();

        assertThat(CertificateRepositoryHandler.x5uFor(URI.create("https://sti.example.com/.well-known/stir/cert.pem"),
                chain.certificates().get(0))).hasToString("https://sti.example.com/.well-known/stir/" + name);
        assertThat(CertificateRepositoryHandler.x5uFor(URI.create("https://sti.example.com:8443/.well-known/stir/cert.pem"),
                chain.certificates().get(0))).hasToString("https://sti.example.com:8443/.well-known/stir/" + name);
        URI elsewhere = URI.create("https://cdn.example.com/stir/sbc.pem");
        assertThat(CertificateRepositoryHandler.x5uFor(elsewhere, chain.certificates().get(0))).isEqualTo(elsewhere);
    }

    @Test
    void aChainIsServedUntilItsLeafExpires() {
        PublishedChains published = new PublishedChains(clock);
        TestPki.Chain chain = TestPki.shakenChain(TestPki.NOW);
        published.add(chain.certificates());
        String name = PublishedChains.fileName(chain.certificates().get(0));

        assertThat(published.find(name)).hasValueSatisfying(body -> assertThat(
                StandardCharsets.US_ASCII.decode(body.duplicate()).toString())
                .isEqualTo(PemFiles.certificatesPem(chain.certificates())).doesNotContain("PRIVATE KEY"));
        now.set(chain.certificates().get(0).getNotAfter().toInstant());
        assertThat(published.find(name)).isEmpty();
        assertThat(published.find("0123456789abcdef.pem")).isEmpty();
    }

    @Test
    void atMost16ChainsAreKeptDroppingTheOneExpiringFirst() {
        PublishedChains published = new PublishedChains(clock);
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= PublishedChains.LIMIT; i++) {
            // issued a day apart, so the first expires first
            TestPki.Chain chain = TestPki.shakenChain(TestPki.NOW.plus(Duration.ofDays(i)));
            published.add(chain.certificates());
            names.add(PublishedChains.fileName(chain.certificates().get(0)));
        }
        now.set(TestPki.NOW.plus(Duration.ofDays(PublishedChains.LIMIT)));
        assertThat(published.find(names.get(0))).isEmpty();
        for (String name : names.subList(1, names.size())) {
            assertThat(published.find(name)).as(name).isPresent();
        }
    }
}
