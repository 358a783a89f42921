package io.callsign.certadmin;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.callsign.acme.AcmeFailure;
import io.callsign.acme.AcmeService;
import io.callsign.acme.RenewalBusy;
import io.callsign.credentials.ActiveCredentials;
import io.callsign.http.JsonBodies;
import io.callsign.http.Problem;
import io.callsign.http.ProblemHandler;
import io.callsign.http.Routes;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/cert} (the status of our signing certificate) and {@code POST /v1/cert:renew}
 * (renew now with ACME and answer the new status; 409 for other sources or while another instance
 * renews, 502 when the CA fails, the old certificate staying active). Both behind the
 * {@link OperatorGuard}. Renewal waits for the CA, so it runs on a worker thread. Thread-safe.
 */
public final class CertificateApi {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateApi.class);

    private final ActiveCredentials active;
    private final String source;
    private final Optional<AcmeService> acme;
    private final OperatorGuard guard;
    private final Clock clock;

    public CertificateApi(ActiveCredentials active, String source, Optional<AcmeService> acme, OperatorGuard guard,
                          Clock clock) {
        this.active = active;
        this.source = source;
        this.acme = acme;
        this.guard = guard;
        this.clock = clock;
    }

    public void mount(Routes routes) {
        routes.get("/v1/cert", guard.protect(exchange -> send(exchange, status())));
        routes.post("/v1/cert:renew", guard.protect(exchange -> {
            exchange.dispatch(() -> {
                try {
                    send(exchange, renew());
                } catch (RuntimeException e) {
                    ProblemHandler.send(exchange, e);
                }
            });
        }));
    }

    CertificateStatus status() {
        return CertificateStatus.of(source, active.current(), acme, clock.instant());
    }

    private CertificateStatus renew() {
        AcmeService service = acme.orElseThrow(() -> new Problem(409, "Conflict", "the signing credentials come from"
                + " the " + source + " source; only ACME certificates can be renewed here (set ZTA_ACME_PROVIDER)"));
        try {
            LOG.info("Renewing the ACME certificate on an operator's request");
            service.renewNow();
            return status();
        } catch (RenewalBusy e) {
            throw new Problem(409, "Conflict", e.getMessage());
        } catch (AcmeFailure e) {
            throw new Problem(502, "Bad Gateway", "renewal failed; the current certificate stays active: "
                    + e.getMessage());
        }
    }

    private static void send(HttpServerExchange exchange, CertificateStatus status) {
        byte[] body;
        try {
            body = JsonBodies.MAPPER.writeValueAsBytes(status);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the certificate status as JSON", e);
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
}
