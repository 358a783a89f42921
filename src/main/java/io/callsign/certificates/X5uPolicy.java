package io.callsign.certificates;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides from the URL text alone whether it may be dereferenced, before any DNS query or socket
 * (X5U-01, X5U-02). Immutable and thread-safe.
 */
public final class X5uPolicy {

    /** Far above any real certificate URL; keeps hostile input out of parsing, caches and logs. */
    private static final int MAX_URL_LENGTH = 2048;

    private final String label;
    private final Set<String> schemes;
    private final Set<Integer> ports;

    private X5uPolicy(String label, Set<String> schemes, Set<Integer> ports) {
        this.label = label;
        this.schemes = Set.copyOf(schemes);
        this.ports = Set.copyOf(ports);
    }

    /** x5u URLs: https only, on one of {@code ports} (X5U-01 says 443 or 8443). */
    public static X5uPolicy x5u(Set<Integer> ports) {
        return new X5uPolicy("x5u", Set.of("https"), ports);
    }

    /**
     * CRL distribution points (CERT-12/16): http or https on any port. The URL comes from a certificate
     * that already passed path validation, and the address guard still applies.
     */
    public static X5uPolicy crl() {
        return new X5uPolicy("CRL", Set.of("http", "https"), Set.of());
    }

    /** Names the kind of URL in messages: {@code x5u} or {@code CRL}. */
    public String label() {
        return label;
    }

    /** A URL this policy accepts, split into what the fetcher needs. */
    public record Target(String url, String scheme, String host, int port, String pathForRequest) {
        public boolean tls() {
            return scheme.equals("https");
        }

        /** Host header value (RFC 9110 §7.2): the port only when it is not the scheme's default. */
        public String hostHeader() {
            String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
            return port == defaultPort(scheme) ? name : name + ":" + port;
        }
    }

    /** Returns the target, or throws a {@link FailureKind#FETCH_FAILED} failure saying which rule. */
    public Target check(String url) {
        if (url == null || url.isBlank()) {
            throw CredentialException.fetch(label + " is empty");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw CredentialException.fetch(label + " " + HttpResponseReader.printable(url) + " is not fetched: it is "
                    + url.length() + " characters long, more than " + MAX_URL_LENGTH);
        }
        URI uri = parse(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            throw refuse(url, "scheme '" + scheme + "' is not allowed; use " + String.join(" or ", schemes)
                    + " (X5U-01)");
        }
        if (uri.getRawUserInfo() != null) {
            throw refuse(url, "it carries userinfo (X5U-02)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw refuse(url, "it has no valid host name");
        }
        int port = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
        if (!ports.isEmpty() && !ports.contains(port)) {
            throw refuse(url, "port " + port + " is not allowed; allowed: " + new TreeSet<>(ports)
                    + " (X5U-01, CALLSIGN_X5U_PORTS)");
        }
        checkPathAndQuery(url, uri);
        // toASCIIString percent-encodes any non-ASCII character, so the request line stays ASCII.
        String rawPath = URI.create(uri.toASCIIString()).getRawPath();
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        return new Target(url, scheme, stripBrackets(host), port, path);
    }

    private void checkPathAndQuery(String url, URI uri) {
        if (uri.getRawQuery() != null) {
            throw refuse(url, "it has a query (X5U-02)");
        }
        if (uri.getRawFragment() != null) {
            throw refuse(url, "it has a fragment (X5U-02)");
        }
        if (uri.getRawPath() != null && uri.getRawPath().indexOf(';') >= 0) {
            throw refuse(url, "its path has parameters ';' (X5U-02)");
        }
    }

    private URI parse(String url) {
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || uri.isOpaque()) {
                throw refuse(url, "it is not an absolute hierarchical URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw refuse(url, "it is not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
    }

    private CredentialException refuse(String url, String why) {
        return CredentialException.fetch(label + " " + url + " is not fetched: " + why);
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }
}
