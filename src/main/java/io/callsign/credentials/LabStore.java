package io.callsign.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab CA's directory: {@code <name>-key.pem} (0600) and {@code <name>.pem} per certificate, in a
 * 0700 directory (ACME-19). Reuses a pair when it still fits, else issues and writes a new one.
 */
final class LabStore {

    private static final Logger LOG = LoggerFactory.getLogger(LabStore.class);

    private final Path dir;

    private LabStore(Path dir) {
        this.dir = dir;
    }

    /** @throws UncheckedIOException when {@code dir} cannot be created */
    static LabStore open(Path dir) {
        try {
            Files.createDirectories(dir);
            if (PemFiles.posix()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return new LabStore(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir.toAbsolutePath(), e);
        }
    }

    Optional<Stored> reuse(String name, Predicate<X509Certificate> usable) {
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

    Stored issue(String name, String what, Issuer issuer, Instant now) {
        KeyPair keys = LabCertificates.newP256KeyPair();
        X509Certificate certificate = issuer.issue(keys, now);
        PemFiles.writePrivateKey(dir.resolve(name + "-key.pem"), keys.getPrivate());
        PemFiles.writeCertificates(dir.resolve(name + ".pem"), List.of(certificate));
        LOG.info("lab: generated {} ({}), valid until {}", what, certificate.getSubjectX500Principal(),
                certificate.getNotAfter().toInstant());
        return new Stored(keys.getPrivate(), certificate);
    }

    /** A key and the certificate issued for it; {@link #toString()} omits the key. */
    record Stored(PrivateKey key, X509Certificate certificate) {
        @Override
        public String toString() {
            return "Stored[" + certificate.getSubjectX500Principal() + "]";
        }
    }

    @FunctionalInterface
    interface Issuer {
        X509Certificate issue(KeyPair keys, Instant now);
    }
}
