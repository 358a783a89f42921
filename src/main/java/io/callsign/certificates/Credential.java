package io.callsign.certificates;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A signer's credential after validation: what the verifier needs per call, computed once per fetch.
 * Immutable and safe to share between threads.
 *
 * @param x5u       the URL it was fetched from, exactly as given
 * @param chain     the certificates as served, leaf first
 * @param path      the validated certification path, leaf first, without the trust anchor
 * @param anchor    the trust anchor the path ends at
 * @param publicKey the leaf's EC P-256 key (CERT-04), to verify the PASSporT signature with
 * @param spc       the single Service Provider Code of the leaf's TNAuthList (CERT-13)
 * @param notBefore the latest notBefore over path and anchor
 * @param notAfter  the earliest notAfter over path and anchor
 * @param crlUrl    the leaf's CRL distribution point, when it has one (CERT-12)
 * @param warnings  what was accepted leniently at load time
 */
public record Credential(
        String x5u,
        List<X509Certificate> chain,
        List<X509Certificate> path,
        X509Certificate anchor,
        ECPublicKey publicKey,
        String spc,
        Instant notBefore,
        Instant notAfter,
        Optional<String> crlUrl,
        List<String> warnings) {

    public Credential {
        Objects.requireNonNull(x5u, "x5u");
        chain = List.copyOf(chain);
        path = List.copyOf(path);
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(spc, "spc");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(crlUrl, "crlUrl");
        warnings = List.copyOf(warnings);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** VER-07: the whole path must be valid at the call's time (inclusive bounds, as in RFC 5280). */
    public boolean validAt(Instant instant) {
        return !instant.isBefore(notBefore) && !instant.isAfter(notAfter);
    }
}
