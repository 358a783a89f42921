package io.callsign.certificates;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTP or HTTPS server on 127.0.0.1 and a random port, with exact-path routes that can be
 * replaced while it runs and a hit counter per path. The HTTPS certificate covers localhost,
 * x5u.test, rebind.test, crl.test and 127.0.0.1, issued by {@link #tlsCa()}.
 */
final class LoopbackServer implements AutoCloseable {

    static final List<String> TLS_NAMES = List.of("localhost", "x5u.test", "rebind.test", "crl.test");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final TestPki.Issued tlsCa;
    private final String scheme;

    private LoopbackServer(boolean tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress(Loopback.ADDRESS, 0);
        if (tls) {
            tlsCa = TestPki.tlsCa();
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(serverContext(tlsCa)));
            server = https;
        } else {
            tlsCa = null;
            server = HttpServer.create(address, 0);
        }
        scheme = tls ? "https" : "http";
        server.createContext("/", this::dispatch);
        server.setExecutor(executor);
        server.start();
    }

    static LoopbackServer https() throws IOException {
        return new LoopbackServer(true);
    }

    static LoopbackServer http() throws IOException {
        return new LoopbackServer(false);
    }

    TestPki.Issued tlsCa() {
        return tlsCa;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String host, String path) {
        return scheme + "://" + host + ":" + port() + path;
    }

    LoopbackServer route(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** 200 with a PEM chain as application/pem-certificate-chain. */
    static HttpHandler pem(String pem) {
        return respond(200, "application/pem-certificate-chain", null, pem.getBytes(StandardCharsets.US_ASCII));
    }

    /** Any status, optional Content-Type and Cache-Control; a null body sends no body. */
    static HttpHandler respond(int status, String contentType, String cacheControl, byte[] body) {
        return exchange -> {
            if (contentType != null) {
                exchange.getResponseHeaders().add("Content-Type", contentType);
            }
            if (cacheControl != null) {
                exchange.getResponseHeaders().add("Cache-Control", cacheControl);
            }
            exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        };
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        HttpHandler handler = routes.get(path);
        try {
            if (handler == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                handler.handle(exchange);
            }
        } catch (IOException e) {
            // the client went away (aborted download, deadline): nothing to do on a test server
        } finally {
            exchange.close();
        }
    }

    private static SSLContext serverContext(TestPki.Issued ca) {
        try {
            TestPki.Issued server = TestPki.tlsServer(ca, TLS_NAMES, List.of("127.0.0.1"));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = "test".toCharArray();
            store.setKeyEntry("server", server.privateKey(), password,
                    new Certificate[] {server.certificate(), ca.certificate()});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the test server's TLS context", e);
        }
    }
}
