package io.callsign.certadmin;

import io.callsign.acme.AcmeService;
import io.callsign.acme.AcmeStatus;
import io.callsign.credentials.SigningCredentials;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The body of {@code GET /v1/cert}: which certificate signs now and, with ACME, what renewal is
 * doing. Fields are null when unknown (no credentials yet, or not ACME). Times are ISO 8601 UTC.
 *
 * @param source    {@code static}, {@code lab} or {@code acme}
 * @param installed whether signing credentials are loaded
 * @param alert     the ACME alert (expiry near and renewal failing, or none obtained); false otherwise
 */
public record CertificateStatus(String source, boolean installed, String x5u, String subject, String issuer,
                                String serial, String notBefore, String notAfter, Long daysLeft, boolean alert,
                                Acme acme) {

    /**
     * @param state       issuing, valid, renewing, retrying or expired
     * @param nextRenewal when the next attempt is planned
     * @param lastError   the last failure since the last success
     * @param explanation the CA's ARI explanation URL (RFC 9773 §4.2)
     */
    public record Acme(String state, String directory, String challenge, String nextRenewal, String lastError,
                       boolean alert, String explanation) {
    }

    static CertificateStatus of(String source, Optional<SigningCredentials> active, Optional<AcmeService> acme,
                                Instant now) {
        Acme renewal = acme.map(service -> acme(service, service.status())).orElse(null);
        boolean alert = renewal != null && renewal.alert();
        if (active.isEmpty()) {
            return new CertificateStatus(source, false, null, null, null, null, null, null, null, alert, renewal);
        }
        X509Certificate leaf = active.get().leaf();
        Instant notAfter = leaf.getNotAfter().toInstant();
        return new CertificateStatus(source, true, active.get().x5u().toString(),
                leaf.getSubjectX500Principal().getName(), leaf.getIssuerX500Principal().getName(),
                leaf.getSerialNumber().toString(16), leaf.getNotBefore().toInstant().toString(), notAfter.toString(),
                Duration.between(now, notAfter).toDays(), alert, renewal);
    }

    private static Acme acme(AcmeService service, AcmeStatus status) {
        return new Acme(status.state().name().toLowerCase(Locale.ROOT), service.config().directory().toString(),
                service.config().challenge().wireName(), text(status.nextRenewal()), status.lastError(), status.alert(),
                status.explanation() == null ? null : status.explanation().toString());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
