package io.callsign.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.security.auth.x500.X500Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(LabCertificateAuthority.class);

    private final Stored root;
    private final Stored leaf;
    private final Stored tls;
    private final String spc;
    private final String host;

    private LabCertificateAuthority(Stored root, Stored leaf, Stored tls, String spc, String host) {
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
        createPrivateDirectory(labDir);
        Instant now = clock.instant();
        Optional<Stored> existingRoot = reuse(labDir, "root", c -> fresh(c, now) && issuedBy(c, c));
        Stored root = existingRoot.orElseGet(() -> issue(labDir, "root", "lab STI root", LabCertificates::root, now));
        // A new root invalidates everything it signed before.
        Predicate<X509Certificate> underRoot = c -> existingRoot.isPresent() && fresh(c, now) && issuedBy(c, root.certificate());
        Stored leaf = reuse(labDir, "shaken", underRoot.and(c -> TnAuthList.spc(c).equals(Optional.of(spc))))
                .orElseGet(() -> issue(labDir, "shaken", "SHAKEN certificate for SPC " + spc,
                        (keys, at) -> LabCertificates.shakenLeaf(keys.getPublic(), spc, root.certificate(), root.key(), at), now));
        X500Principal tlsSubject = new X500Principal(encoded(labHost));
        Stored tls = reuse(labDir, "tls", underRoot.and(c -> c.getSubjectX500Principal().equals(tlsSubject)))
                .orElseGet(() -> issue(labDir, "tls", "TLS certificate for " + labHost,
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

    private static Optional<Stored> reuse(Path dir, String name, Predicate<X509Certificate> usable) {
        Path keyFile = dir.resolve(name + "-key.pem");
        Path certFile = dir.resolve(name + ".pem");
        if (!Files.exists(keyFile) || !Files.exists(certFile)) {
            return Optional.empty();
        }
        try {
            PrivateKey key = PemFiles.privateKey(keyFile);
            X509Certificate certificate = PemFiles.certificates(certFile).get(0);
            if (usable.test(certificate) && KeyChecks.matches(key, certificate.getPublicKey())) {
                return Optional.of(new Stored(key, certificate));
            }
            LOG.info("lab: {} is expired or no longer fits the settings; issuing a new one", certFile.getFileName());
        } catch (IllegalArgumentException e) {
            LOG.warn("lab: cannot reuse {} ({}); issuing a new one", certFile.getFileName(), e.getMessage());
        }
        return Optional.empty();
    }

    private static Stored issue(Path dir, String name, String what, Issuer issuer, Instant now) {
        KeyPair keys = LabCertificates.newP256KeyPair();
        X509Certificate certificate = issuer.issue(keys, now);
        PemFiles.writePrivateKey(dir.resolve(name + "-key.pem"), keys.getPrivate());
        PemFiles.writeCertificates(dir.resolve(name + ".pem"), List.of(certificate));
        LOG.info("lab: generated {} ({}), valid until {}", what, certificate.getSubjectX500Principal(),
                certificate.getNotAfter().toInstant());
        return new Stored(keys.getPrivate(), certificate);
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

    private static void createPrivateDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            if (PemFiles.posix()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir.toAbsolutePath(), e);
        }
    }

    /** A key and the certificate issued for it; {@link #toString()} omits the key. */
    private record Stored(PrivateKey key, X509Certificate certificate) {
        @Override
        public String toString() {
            return "Stored[" + certificate.getSubjectX500Principal() + "]";
        }
    }

    @FunctionalInterface
    private interface Issuer {
        X509Certificate issue(KeyPair keys, Instant now);
    }
}
