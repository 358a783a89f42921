package io.callsign.credentials;

import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * One complete set of signing material: the P-256 key, the chain published for it (leaf first) and
 * the public URL of that chain. Immutable; swapped as a whole so that no call ever signs with a key
 * whose chain is not the one published.
 *
 * @param key    the leaf's private key; never logged ({@link #toString()} omits it)
 * @param chain  leaf first, then its issuers
 * @param x5u    the https URL at which {@code chain} is published
 * @param source where the material came from: {@code static}, {@code lab} or {@code acme}
 */
public record SigningCredentials(PrivateKey key, List<X509Certificate> chain, URI x5u, String source) {

    public SigningCredentials {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(x5u, "x5u");
        Objects.requireNonNull(source, "source");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing chain needs at least the leaf certificate");
        }
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "SigningCredentials[source=" + source + ", x5u=" + x5u
                + ", subject=" + leaf().getSubjectX500Principal().getName()
                + ", notAfter=" + leaf().getNotAfter().toInstant() + "]";
    }
}
