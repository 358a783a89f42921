package io.callsign.credentials;

import io.callsign.http.Problem;
import io.callsign.http.Routes;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.security.cert.X509Certificate;

/**
 * {@code GET}/{@code HEAD /.well-known/stir/cert.pem}: the active signing chain as PEM, leaf first,
 * as {@code application/pem-certificate-chain} with {@code Cache-Control: max-age=86400} (X5U-05,
 * X5U-09). The body is rendered once per credentials change, from certificates only, so a private
 * key can never appear in it (ACME-19) and a request is a buffer write. Thread-safe.
 */
public final class CertificateRepositoryHandler implements HttpHandler {

    public static final String PATH = LabCertificateAuthority.CERT_PATH;
    public static final String CONTENT_TYPE = "application/pem-certificate-chain";
    /** X5U-04/X5U-09: verifiers cache for at least 24 hours; saying so avoids needless refetches. */
    public static final String CACHE_CONTROL = "max-age=86400";

    private volatile ByteBuffer pem;

    /** Serves whatever {@code active} holds, now and after every later install. */
    public CertificateRepositoryHandler(ActiveCredentials active) {
        active.onChange(next -> pem = render(next.chain()));
        active.current().ifPresent(current -> pem = render(current.chain()));
    }

    /** Mounts GET and HEAD on {@link #PATH}. */
    public void mount(Routes routes) {
        routes.get(PATH, this).head(PATH, this);
    }

    /** {@code chain} as PEM certificates in the given order; certificates only, by construction. */
    public static ByteBuffer render(List<X509Certificate> chain) {
        return ByteBuffer.wrap(PemFiles.certificatesPem(chain).getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        ByteBuffer body = pem;
        if (body == null) {
            throw new Problem(503, "Service Unavailable",
                    "no signing credentials are installed yet (ACME enrolment pending?); see /health/ready");
        }
        exchange.getResponseHeaders()
                .put(Headers.CONTENT_TYPE, CONTENT_TYPE)
                .put(Headers.CACHE_CONTROL, CACHE_CONTROL)
                .put(Headers.CONTENT_LENGTH, body.remaining());
        if (exchange.getRequestMethod().equals(Methods.HEAD)) {
            exchange.endExchange();
            return;
        }
        exchange.getResponseSender().send(body.duplicate());
    }
}
