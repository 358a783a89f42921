package io.callsign.provisioning;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may call the provisioning API, decided before any request body is read. Closed by default:
 * with a token configured every client must present it ({@code Authorization: Bearer}); without one
 * only loopback clients are served, so a fresh install is not open to the network.
 */
public sealed interface Access {

    /** The caller may proceed; {@code actor} is what the audit log records. */
    record Granted(String actor) implements Access {
    }

    /** The caller may not; {@code challenge} asks for a bearer token (401). */
    record Refused(int status, String detail, boolean challenge) implements Access {
    }

    public static Access decide(Optional<String> token, String authorization, InetAddress peer) {
        if (token.isPresent()) {
            Optional<String> presented = bearer(authorization);
            if (presented.isEmpty()) {
                return new Refused(401, "send 'Authorization: Bearer <token>' "
                        + "with the value of CALLSIGN_PROVISIONING_TOKEN", true);
            }
            return sameSecret(presented.get(), token.get())
                    ? new Granted("api-token")
                    : new Refused(401, "the bearer token is not the one configured in CALLSIGN_PROVISIONING_TOKEN", true);
        }
        // 127.0.0.0/8 and ::1; an IPv4-mapped ::ffff:127.x arrives as an Inet4Address already.
        if (peer.isLoopbackAddress()) {
            return new Granted("loopback:" + peer.getHostAddress());
        }
        return new Refused(403, "only loopback clients are served while "
                + "CALLSIGN_PROVISIONING_TOKEN is unset; set a token to manage Callsign from " + peer.getHostAddress(), false);
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.empty();
        }
        String value = authorization.substring(7).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    // Digests first so the comparison takes the same time whatever the lengths and contents.
    private static boolean sameSecret(String presented, String expected) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(presented.getBytes(StandardCharsets.UTF_8));
            byte[] b = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
