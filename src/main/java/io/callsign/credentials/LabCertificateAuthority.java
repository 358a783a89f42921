package io.callsign.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.security.auth.x500.X500Principal;

/**
 * A private STI-CA for labs and tests, used when neither static credentials nor ACME are
 * configured: a lab STI root, a SHAKEN leaf for the lab SPC and a TLS certificate for the HTTPS
 * certificate repository, kept under {@code <dataDir>/lab/} (keys 0600). A restart reuses the files;
 * a certificate is reissued only when it is not valid now, or no longer fits the SPC, lab host or
 * root. Verifiers trust it by adding {@link #root()} as a trust anchor. Immutable once opened.
 */
public final class LabCertificateAuthority {

    public static final String SOURCE = "lab";
    public static final String CERT_PATH = "/.well-known/stir/cert.pem";

    private final LabStore.Stored root;
    private final LabStore.Stored leaf;
    private final LabStore.Stored tls;
    private final String spc;
    private final String host;

    private LabCertificateAuthority(LabStore.Stored root, LabStore.Stored leaf, LabStore.Stored tls, String spc,
            String host) {
        this.root = root;
        this.leaf = leaf;
        this.tls = tls;
        this.spc = spc;
        this.host = host;
    }

    /**
     * Opens the lab CA in {@code labDir}, creating or reissuing what is missing or unfit.
     *
     * @throws UncheckedIOException when {@code labDir} cannot be created or written
     */
    public static LabCertificateAuthority open(Path labDir, String spc, String labHost, Clock clock) {
        LabStore store = LabStore.open(labDir);
        Instant now = clock.instant();
        Optional<LabStore.Stored> existingRoot = store.reuse("root", c -> fresh(c, now) && issuedBy(c, c));
        LabStore.Stored root = existingRoot.orElseGet(() -> store.issue("root", "lab STI root", LabCertificates::root, now));
        // A new root invalidates everything it signed before.
        Predicate<X509Certificate> underRoot = c -> existingRoot.isPresent() && fresh(c, now)
                && issuedBy(c, root.certificate());
        LabStore.Stored leaf = store.reuse("shaken", underRoot.and(c -> TnAuthList.spc(c).equals(Optional.of(spc))))
                .orElseGet(() -> store.issue("shaken", "SHAKEN certificate for SPC " + spc,
                        (keys, at) -> LabCertificates.shakenLeaf(keys.getPublic(), spc, root.certificate(), root.key(), at), now));
        X500Principal tlsSubject = new X500Principal(encoded(labHost));
        LabStore.Stored tls = store.reuse("tls", underRoot.and(c -> c.getSubjectX500Principal().equals(tlsSubject)))
                .orElseGet(() -> store.issue("tls", "TLS certificate for " + labHost,
                        (keys, at) -> LabCertificates.tlsServer(keys.getPublic(), labHost, root.certificate(), root.key(), at), now));
        return new LabCertificateAuthority(root, leaf, tls, spc, labHost);
    }

    /** The x5u at which the lab chain is published: {@code https://<host>:<port>/.well-known/stir/cert.pem}. */
    public static URI x5u(String host, int port) {
        String literal = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("https://" + literal + ":" + port + CERT_PATH);
    }

    /** The lab STI root: the verifier's trust anchor and HTTPS CA in lab mode. */
    public X509Certificate root() {
        return root.certificate();
    }

    /** The SHAKEN leaf, then the root. */
    public List<X509Certificate> signingChain() {
        return List.of(leaf.certificate(), root.certificate());
    }

    public SigningCredentials signingCredentials(URI x5u) {
        return new SigningCredentials(leaf.key(), signingChain(), x5u, SOURCE);
    }

    /** The TLS context of the HTTPS certificate repository (TLS certificate, then the root). */
    public SSLContext tlsContext() {
        return tlsIdentity().sslContext();
    }

    TlsIdentity tlsIdentity() {
        return new TlsIdentity(tls.key(), List.of(tls.certificate(), root.certificate()));
    }

    public String spc() {
        return spc;
    }

    public String host() {
        return host;
    }

    @Override
    public String toString() {
        return "LabCertificateAuthority[spc=" + spc + ", host=" + host + ", root notAfter="
                + root.certificate().getNotAfter().toInstant() + "]";
    }

    private static boolean fresh(X509Certificate certificate, Instant now) {
        return KeyChecks.whyNotValidAt(certificate, now).isEmpty();
    }

    private static boolean issuedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] encoded(String commonName) {
        try {
            return LabCertificates.name(commonName).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
