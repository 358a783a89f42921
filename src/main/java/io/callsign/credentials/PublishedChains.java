package io.callsign.credentials;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Chains published at per-certificate paths, by file name ({@code <first 16 hex digits of
 * SHA-256(leaf DER)>.pem}), each until its leaf expires. Bounded: at most {@value #LIMIT} chains,
 * the one expiring first dropped first. Thread-safe.
 */
final class PublishedChains {

    static final String DIRECTORY = "/.well-known/stir/";
    static final int LIMIT = 16;
    private static final Pattern FILE_NAME = Pattern.compile("[0-9a-f]{16}\\.pem");

    private final Clock clock;
    private final Map<String, Entry> byName = new ConcurrentHashMap<>();

    PublishedChains(Clock clock) {
        this.clock = clock;
    }

    /** The file name of {@code leaf}'s chain: 64 bits of its SHA-256, enough to never collide in one repository. */
    static String fileName(X509Certificate leaf) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8) + ".pem";
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot hash certificate " + leaf.getSubjectX500Principal(), e);
        }
    }

    static boolean isFileName(String file) {
        return FILE_NAME.matcher(file).matches();
    }

    synchronized void add(List<X509Certificate> chain) {
        Instant now = clock.instant();
        byName.values().removeIf(entry -> !now.isBefore(entry.notAfter()));
        byName.putIfAbsent(fileName(chain.get(0)), new Entry(CertificateRepositoryHandler.render(chain),
                chain.get(0).getNotAfter().toInstant()));
        while (byName.size() > LIMIT) {
            byName.entrySet().stream().min(Comparator.comparing(e -> e.getValue().notAfter()))
                    .ifPresent(oldest -> byName.remove(oldest.getKey()));
        }
    }

    /** The body of {@code file}, while its leaf has not expired. */
    Optional<ByteBuffer> find(String file) {
        Entry entry = byName.get(file);
        return entry == null || !clock.instant().isBefore(entry.notAfter()) ? Optional.empty() : Optional.of(entry.pem());
    }

    private record Entry(ByteBuffer pem, Instant notAfter) {
    }
}
