package io.callsign.acme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ACME state on disk, one directory (the data directory's {@code acme/}, or a mounted Secret):
 * {@code account-key.pem} (P-256), {@code account.txt} (directory URL and account URL) and
 * {@code certificate.pem} (leaf key, then chain leaf first). Every file is written to a temporary
 * file with mode 0600 and renamed over the old one, so a crash leaves the old or the new file,
 * never half of one (ACME-19). Contents are never logged. Thread-safe.
 */
public final class AcmeStore {

    private static final Logger LOG = LoggerFactory.getLogger(AcmeStore.class);
    static final String ACCOUNT_KEY = "account-key.pem";
    static final String ACCOUNT = "account.txt";
    static final String CERTIFICATE = "certificate.pem";

    private final Path directory;

    public AcmeStore(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    public Path directory() {
        return directory;
    }

    /** The stored account key, or a new P-256 key written before first use (ACME-03). */
    public synchronized KeyPair accountKey() {
        Optional<String> stored = read(ACCOUNT_KEY);
        if (stored.isPresent()) {
            return PemCodec.readKeyPair(stored.get());
        }
        KeyPair created = Keys.newP256();
        write(ACCOUNT_KEY, PemCodec.keyPair(created));
        LOG.info("Created a new ACME account key in {}", directory.resolve(ACCOUNT_KEY));
        return created;
    }

    public synchronized boolean hasAccountKey() {
        return Files.exists(directory.resolve(ACCOUNT_KEY));
    }

    /** The account URL registered at {@code acmeDirectory}; empty for another CA or none yet. */
    public synchronized Optional<URL> accountUrl(URI acmeDirectory) {
        return read(ACCOUNT).map(text -> text.strip().split("\n"))
                .filter(lines -> lines.length == 2 && lines[0].strip().equals(acmeDirectory.toString()))
                .map(lines -> toUrl(lines[1].strip()));
    }

    public synchronized void saveAccountUrl(URI acmeDirectory, URL account) {
        write(ACCOUNT, acmeDirectory + "\n" + account + "\n");
    }

    /** Drops the account URL (the CA no longer knows it); the account key stays. */
    public synchronized void forgetAccountUrl() {
        try {
            Files.deleteIfExists(directory.resolve(ACCOUNT));
        } catch (IOException e) {
            throw new AcmeFailure("cannot delete " + directory.resolve(ACCOUNT) + ": " + e.getMessage(), e);
        }
    }

    /** The stored certificate and key; empty when absent or unusable (logged, never fatal). */
    public synchronized Optional<IssuedCertificate> loadCertificate() {
        Optional<String> stored = read(CERTIFICATE);
        try {
            return stored.map(IssuedCertificate::fromPem);
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring {}: {}. A new certificate will be ordered.", directory.resolve(CERTIFICATE),
                    e.getMessage());
            return Optional.empty();
        }
    }

    public synchronized void saveCertificate(IssuedCertificate issued) {
        write(CERTIFICATE, issued.toPem());
    }

    private Optional<String> read(String name) {
        Path file = directory.resolve(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AcmeFailure("cannot read " + file + ": " + e.getMessage()
                    + "; check the permissions of the ACME state directory", e);
        }
    }

    private void write(String name, String content) {
        Path target = directory.resolve(name);
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Path temp = Files.createTempFile(directory, "." + name + "-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new AcmeFailure("cannot write " + target + ": " + e.getMessage()
                    + "; the ACME state directory must be writable by this service", e);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private URL toUrl(String text) {
        try {
            return new URL(text);
        } catch (MalformedURLException e) {
            throw new UncheckedIOException("malformed account URL in " + directory.resolve(ACCOUNT), e);
        }
    }
}
