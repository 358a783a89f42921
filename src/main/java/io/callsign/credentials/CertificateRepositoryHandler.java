package io.callsign.credentials;

import io.callsign.http.Problem;
import io.callsign.http.ProblemHandler;
import io.callsign.http.Routes;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The certificate repository (X5U-09). {@code GET}/{@code HEAD /.well-known/stir/cert.pem}: the
 * active chain, leaf first, {@code Cache-Control: max-age=86400} (X5U-04/X5U-05). And
 * {@code /.well-known/stir/<leaf-hash>.pem}: each chain installed since start (or handed to
 * {@link #retain}), immutable, served until its leaf expires, so that ACME can name a new URL per
 * certificate and no verifier ever holds a cached chain of an older key under the x5u of a newer one.
 * Bodies are rendered from certificates only, so a private key can never appear (ACME-19). A new
 * chain is published just before it is installed ({@link ActiveCredentials#beforeInstall}).
 * Thread-safe.
 */
public final class CertificateRepositoryHandler implements HttpHandler {

    public static final String PATH = LabCertificateAuthority.CERT_PATH;
    public static final String CONTENT_TYPE = "application/pem-certificate-chain";
    /** X5U-04/X5U-09: verifiers cache for at least 24 hours; saying so avoids needless refetches. */
    public static final String CACHE_CONTROL = "max-age=86400";
    /** A per-certificate path never changes its content. */
    public static final String CACHE_CONTROL_IMMUTABLE = "max-age=86400, immutable";

    private final PublishedChains published;
    private volatile ByteBuffer current;
    /** At most one look-up per second, so that requests for random names cannot load the database. */
    private static final Duration LOOKUP_INTERVAL = Duration.ofSeconds(1);

    private final Clock clock;
    private volatile Supplier<List<List<X509Certificate>>> lookup = List::of;
    private volatile Instant lastLookup = Instant.EPOCH;

    /** Serves whatever {@code active} holds, now and after every later install. */
    public CertificateRepositoryHandler(ActiveCredentials active) {
        this(active, Clock.systemUTC());
    }

    public CertificateRepositoryHandler(ActiveCredentials active, Clock clock) {
        this.clock = clock;
        this.published = new PublishedChains(clock);
        active.beforeInstall(next -> {
            published.add(next.chain());
            current = render(next.chain());
        });
        active.current().ifPresent(now -> {
            published.add(now.chain());
            current = render(now.chain());
        });
    }

    /**
     * The x5u for {@code leaf}: when {@code base} is our repository's {@code cert.pem}, the sibling
     * per-certificate path {@code <leaf-hash>.pem}; any other base (published elsewhere) is kept.
     */
    public static URI x5uFor(URI base, X509Certificate leaf) {
        return PATH.equals(base.getRawPath()) ? base.resolve(PublishedChains.fileName(leaf)) : base;
    }

    /** Mounts GET and HEAD on {@code /.well-known/stir/{file}} ({@code cert.pem} and per-certificate paths). */
    public void mount(Routes routes) {
        String template = PublishedChains.DIRECTORY + "{file}";
        routes.get(template, this).head(template, this);
    }

    /** Keeps serving {@code chain} at its per-certificate path until its leaf expires (e.g. from before a restart). */
    public void retain(List<X509Certificate> chain) {
        published.add(chain);
    }

    /**
     * Where to look (on a worker thread) when asked for a per-certificate file this instance has not
     * published: another instance sharing the database may have renewed and signed with it already.
     * {@code candidates} returns every chain that may be published; the matching one is served.
     */
    public void lookUpUnknownFilesIn(Supplier<List<List<X509Certificate>>> candidates) {
        this.lookup = candidates;
    }

    /** {@code chain} as PEM certificates in the given order; certificates only, by construction. */
    public static ByteBuffer render(List<X509Certificate> chain) {
        return ByteBuffer.wrap(PemFiles.certificatesPem(chain).getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String file = exchange.getRequestPath().substring(PublishedChains.DIRECTORY.length());
        if (file.equals("cert.pem")) {
            ByteBuffer body = current;
            if (body == null) {
                throw new Problem(503, "Service Unavailable",
                        "no signing credentials are installed yet (ACME enrolment pending?); see /health/ready");
            }
            send(exchange, body, CACHE_CONTROL);
            return;
        }
        Optional<ByteBuffer> known = published.find(file);
        if (known.isPresent()) {
            send(exchange, known.get(), CACHE_CONTROL_IMMUTABLE);
        } else if (!PublishedChains.isFileName(file)) {
            throw Problem.notFound("no certificate chain at " + exchange.getRequestPath()
                    + "; the active chain is at " + PATH);
        } else if (exchange.isInIoThread()) {
            exchange.dispatch(() -> lookUp(exchange, file));
        } else {
            lookUp(exchange, file);
        }
    }

    private void lookUp(HttpServerExchange exchange, String file) {
        try {
            Instant now = clock.instant();
            if (Duration.between(lastLookup, now).compareTo(LOOKUP_INTERVAL) >= 0) {
                lastLookup = now;
                lookup.get().forEach(published::add);
            }
            ByteBuffer body = published.find(file).orElseThrow(() -> Problem.notFound(
                    "no current certificate chain is published as " + file + "; the active chain is at " + PATH));
            send(exchange, body, CACHE_CONTROL_IMMUTABLE);
        } catch (RuntimeException e) {
            ProblemHandler.send(exchange, e);
        }
    }

    private static void send(HttpServerExchange exchange, ByteBuffer body, String cacheControl) {
        exchange.getResponseHeaders()
                .put(Headers.CONTENT_TYPE, CONTENT_TYPE)
                .put(Headers.CACHE_CONTROL, cacheControl)
                .put(Headers.CONTENT_LENGTH, body.remaining());
        if (exchange.getRequestMethod().equals(Methods.HEAD)) {
            exchange.endExchange();
            return;
        }
        exchange.getResponseSender().send(body.duplicate());
    }
}
