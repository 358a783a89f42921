package io.callsign.acme;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Issues from an in-test CA with a fixed lifetime, or fails on demand. Test fake. */
final class FakeIssuer implements CertificateIssuer {

    private final TestPki.Ca ca;
    private final Clock clock;
    private final Duration lifetime;
    final List<X509Certificate> replaced = new ArrayList<>();
    volatile int issued;
    volatile String failWith;
    volatile RenewalWindow window;
    volatile java.util.function.Predicate<X509Certificate> accepts = leaf -> true;

    FakeIssuer(Clock clock, Duration lifetime) throws Exception {
        this.ca = new TestPki.Ca("Fake STI-CA");
        this.clock = clock;
        this.lifetime = lifetime;
    }

    @Override
    public synchronized IssuedCertificate issue(X509Certificate replacing) {
        if (failWith != null) {
            throw new AcmeFailure(failWith);
        }
        replaced.add(replacing);
        issued++;
        try {
            return ca.issued(clock.instant(), clock.instant().plus(lifetime));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean matches(X509Certificate leaf) {
        return accepts.test(leaf);
    }

    @Override
    public Optional<RenewalWindow> renewalWindow(X509Certificate certificate) {
        return Optional.ofNullable(window);
    }
}
