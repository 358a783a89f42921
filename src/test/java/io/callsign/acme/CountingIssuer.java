package io.callsign.acme;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts what the scheduler asks of the real issuer; {@link #plans} is released per ARI lookup. */
final class CountingIssuer implements CertificateIssuer {

    private final CertificateIssuer delegate;
    final AtomicInteger issues = new AtomicInteger();
    final Semaphore plans = new Semaphore(0);

    CountingIssuer(CertificateIssuer delegate) {
        this.delegate = delegate;
    }

    @Override
    public IssuedCertificate issue(X509Certificate replacing) {
        issues.incrementAndGet();
        return delegate.issue(replacing);
    }

    @Override
    public Optional<RenewalWindow> renewalWindow(X509Certificate certificate) {
        try {
            return delegate.renewalWindow(certificate);
        } finally {
            plans.release();
        }
    }
}
