package io.callsign.http;

import io.callsign.config.HostPort;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Undertow server: plain HTTP for the call path and operations, optionally HTTPS (the
 * certificate repository named by x5u). Shuts down gracefully: requests in flight finish, new ones
 * get 503. Thread-safe.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final Undertow undertow;
    private final GracefulShutdownHandler graceful;

    private HttpServer(Undertow undertow, GracefulShutdownHandler graceful) {
        this.undertow = undertow;
        this.graceful = graceful;
    }

    /**
     * @param listen       plain HTTP address
     * @param https        optional HTTPS address and its TLS context
     * @param maxBodyBytes default request body limit (routes may lower or raise their own)
     */
    public static HttpServer start(HostPort listen, List<HttpsListener> https, Routes routes, long maxBodyBytes) {
        GracefulShutdownHandler graceful = new GracefulShutdownHandler(new ProblemHandler(routes.handler()));
        // The limit is set per exchange, not as the MAX_ENTITY_SIZE server option: with that option
        // Undertow refuses an over-long Content-Length while parsing, with a bare 400 and a closed
        // connection, before any handler could answer 413 problem+json or raise its own limit (the
        // number import takes gigabytes).
        HttpHandler root = exchange -> {
            exchange.setMaxEntitySize(maxBodyBytes);
            graceful.handleRequest(exchange);
        };
        Undertow.Builder builder = Undertow.builder()
                .addHttpListener(listen.port(), listen.host())
                .setServerOption(UndertowOptions.ENABLE_STATISTICS, false)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
                .setHandler(root);
        https.forEach(h -> builder.addHttpsListener(h.address().port(), h.address().host(), h.tls()));
        Undertow undertow = builder.build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            undertow.stop();
            throw listenFailure(listen, https, e);
        }
        HttpServer server = new HttpServer(undertow, graceful);
        LOG.info("HTTP listening on {}", server.addresses());
        return server;
    }

    /**
     * Undertow reports a bind failure without the address; name the listener that cannot bind (probed
     * once more, after the failure) and the setting that chose it.
     */
    private static ListenException listenFailure(HostPort listen, List<HttpsListener> https, RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String busy = !canBind(listen) ? "http://" + listen + " (CALLSIGN_LISTEN)"
                : https.stream().filter(h -> !canBind(h.address())).findFirst()
                        .map(h -> "https://" + h.address() + " (CALLSIGN_TLS_LISTEN)")
                        .orElse("http://" + listen + " (CALLSIGN_LISTEN) or its HTTPS listener (CALLSIGN_TLS_LISTEN)");
        return new ListenException("cannot listen on " + busy + ": " + cause.getMessage()
                + "; stop the process holding the port or choose another address", e);
    }

    private static boolean canBind(HostPort address) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address.host(), address.port()));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The port actually bound by the first (plain) listener; useful when configured as 0. */
    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** The port of the n-th listener, in the order added (0 = plain HTTP, 1.. = HTTPS). */
    public int port(int listener) {
        return ((InetSocketAddress) undertow.getListenerInfo().get(listener).getAddress()).getPort();
    }

    private List<String> addresses() {
        List<String> result = new ArrayList<>();
        undertow.getListenerInfo().forEach(l -> result.add(l.getProtcol() + "://" + l.getAddress()));
        return result;
    }

    /** Refuses new requests, waits up to {@code grace} for those in flight, then stops. */
    public void shutdown(Duration grace) {
        graceful.shutdown();
        try {
            if (!graceful.awaitShutdown(grace.toMillis())) {
                LOG.warn("{} request(s) still running after {}; stopping anyway", "some", grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        undertow.stop();
    }

    @Override
    public void close() {
        shutdown(Duration.ZERO);
    }

    /** An HTTPS listener. */
    public record HttpsListener(HostPort address, SSLContext tls) {
    }
}
