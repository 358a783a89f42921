package io.callsign.certificates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The STI-CA roots the verifier accepts, from a PEM file or a directory of PEM files
 * (CALLSIGN_TRUST_ANCHORS) and never from the system web roots (CERT-17). {@link #current()} is one
 * volatile read; {@link #refreshIfChanged()} and {@link #reload()} replace the set without a
 * restart, and bump {@link AnchorSet#generation()} so that cached validations are redone. Thread-safe.
 */
public final class TrustAnchors {

    private static final Logger LOG = LoggerFactory.getLogger(TrustAnchors.class);
    private static final Set<String> SUFFIXES = Set.of(".pem", ".crt", ".cer");

    /** One immutable version of the anchor set. */
    public record AnchorSet(long generation, List<X509Certificate> certificates, Set<TrustAnchor> anchors) {
        public AnchorSet {
            certificates = List.copyOf(certificates);
            anchors = Set.copyOf(anchors);
        }

        static AnchorSet of(long generation, List<X509Certificate> certificates) {
            return new AnchorSet(generation, certificates,
                    certificates.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet()));
        }
    }

    private final Optional<Path> source;
    private volatile AnchorSet current;
    private volatile String fingerprint;

    private TrustAnchors(Optional<Path> source) {
        this.source = source;
    }

    /** Loads the anchors now; a missing or unreadable source is a configuration error. */
    public static TrustAnchors load(Optional<Path> source) {
        TrustAnchors anchors = new TrustAnchors(source);
        anchors.fingerprint = anchors.fingerprint();
        anchors.current = AnchorSet.of(1, anchors.read());
        if (anchors.current.certificates().isEmpty()) {
            LOG.warn("trust anchors: none loaded from {}; every x5u chain will be untrusted", anchors.describe());
        } else {
            LOG.info("trust anchors: {} loaded from {}", anchors.current.certificates().size(), anchors.describe());
        }
        return anchors;
    }

    /** Fixed anchors, for tests and embedding; {@link #reload()} keeps them. */
    public static TrustAnchors of(List<X509Certificate> certificates) {
        TrustAnchors anchors = new TrustAnchors(Optional.empty());
        anchors.fingerprint = "";
        anchors.current = AnchorSet.of(1, certificates);
        return anchors;
    }

    public AnchorSet current() {
        return current;
    }

    /** Reloads when a file's name, size or modification time changed; returns whether it did. */
    public synchronized boolean refreshIfChanged() {
        String now = fingerprint();
        if (now.equals(fingerprint)) {
            return false;
        }
        boolean replaced = reload();
        fingerprint = now;
        return replaced;
    }

    /**
     * Reads the source again. A broken file keeps the previous set (a half-written file must not
     * drop every anchor); returns whether the set changed.
     */
    public synchronized boolean reload() {
        if (source.isEmpty()) {
            return false;
        }
        List<X509Certificate> next;
        try {
            next = read();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            LOG.error("trust anchors not reloaded, keeping the {} loaded before: {}",
                    current.certificates().size(), e.getMessage());
            return false;
        }
        if (Set.copyOf(next).equals(Set.copyOf(current.certificates()))) {
            return false;
        }
        current = AnchorSet.of(current.generation() + 1, next);
        LOG.info("trust anchors reloaded: {} from {}", next.size(), describe());
        return true;
    }

    /** Where the anchors come from, for messages. */
    public String describe() {
        return source.map(p -> p + " (CALLSIGN_TRUST_ANCHORS)").orElse("no source; set CALLSIGN_TRUST_ANCHORS");
    }

    private List<X509Certificate> read() {
        if (source.isEmpty()) {
            return List.of();
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : files()) {
            certificates.addAll(Pem.readFile(file, "CALLSIGN_TRUST_ANCHORS"));
        }
        return certificates;
    }

    private List<Path> files() {
        Path path = source.orElseThrow();
        if (!Files.isDirectory(path)) {
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("CALLSIGN_TRUST_ANCHORS: " + path + " is neither a file nor a directory");
            }
            return List.of(path);
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> SUFFIXES.stream().anyMatch(s -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(s)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("CALLSIGN_TRUST_ANCHORS: cannot list " + path, e);
        }
    }

    private String fingerprint() {
        if (source.isEmpty()) {
            return "";
        }
        try {
            StringBuilder text = new StringBuilder();
            for (Path file : files()) {
                text.append(file).append('|').append(Files.size(file)).append('|')
                        .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
            }
            return text.toString();
        } catch (IOException | RuntimeException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
