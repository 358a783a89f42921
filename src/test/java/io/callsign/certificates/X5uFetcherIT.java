package io.callsign.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpHandler;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fetcher against a real HTTPS server on 127.0.0.1 (X5U-03/05/06/07/08, VER-13). */
class X5uFetcherIT {

    private static final TestPki PKI = TestPki.create();
    /** For tests that are not about time: a cold JVM's first TLS handshake on a busy machine is slow. */
    private static final Duration GENEROUS = Duration.ofSeconds(5);
    private static LoopbackServer server;
    private static SSLSocketFactory tls;

    private final Loopback.CountingConnector connector = new Loopback.CountingConnector();

    @BeforeAll
    static void start() throws Exception {
        server = LoopbackServer.https();
        tls = HttpsTrust.context(List.of(server.tlsCa().certificate())).getSocketFactory();
        server.route("/c.pem", LoopbackServer.pem(PKI.chainPem(PKI.leaf())))
                .route("/moved.pem", LoopbackServer.respond(302, null, null, null))
                .route("/target.pem", LoopbackServer.pem(PKI.chainPem(PKI.leaf())))
                .route("/missing.pem", LoopbackServer.respond(404, "text/html", null, "<h1>Not Found</h1>".getBytes(StandardCharsets.US_ASCII)))
                .route("/busy.pem", LoopbackServer.respond(503, null, null, new byte[0]))
                .route("/empty.pem", LoopbackServer.respond(204, null, null, null))
                .route("/slow-body.pem", trickle())
                .route("/slow-head.pem", exchange -> sleep(Duration.ofSeconds(10)))
                .route("/huge-chunked.pem", huge(0))
                .route("/huge-declared.pem", huge(10 * 1024 * 1024));
        server.route("/moved.pem", exchange -> {
            exchange.getResponseHeaders().add("Location", server.url("x5u.test", "/target.pem"));
            exchange.sendResponseHeaders(302, -1);
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private X5uFetcher fetcher(Duration timeout, NameResolver resolver, SSLSocketFactory trust) {
        CertificatesConfig config = CertificatesConfig.defaults().toBuilder()
                .x5uPorts(Set.of(server.port())).fetchTimeout(timeout).build();
        return new X5uFetcher(X5uFetcher.Rules.x5u(config), AddressGuard.allowing(List.of("127.0.0.1/32")),
                resolver, connector, trust);
    }

    private X5uFetcher fetcher() {
        return fetcher(GENEROUS, Loopback.resolver(), tls);
    }

    @Test
    void fetchesAPemChainOverVerifiedTlsFromTheCheckedAddress() {
        FetchedResource fetched = fetcher().fetch(server.url("x5u.test", "/c.pem"));

        assertThat(new String(fetched.body(), StandardCharsets.US_ASCII)).isEqualTo(PKI.chainPem(PKI.leaf()));
        assertThat(fetched.contentType()).contains("application/pem-certificate-chain");
        assertThat(connector.attempts).containsExactly(new InetSocketAddress(Loopback.ADDRESS, server.port()));
    }

    @Test
    void anIpLiteralHostNeedsNoLookupAndIsCheckedAgainstTheIpSan() {
        FetchedResource fetched = fetcher(GENEROUS, NameResolver.system(), tls)
                .fetch(server.url("127.0.0.1", "/c.pem"));

        assertThat(fetched.body()).isNotEmpty();
    }

    @Test
    void x5u03ARedirectIsAFailureAndItsTargetIsNeverRequested() {
        int before = server.hits("/target.pem");

        assertThatThrownBy(() -> fetcher().fetch(server.url("x5u.test", "/moved.pem")))
                .hasMessageContaining("answered 302").hasMessageContaining("/target.pem").hasMessageContaining("X5U-03");
        assertThat(server.hits("/target.pem")).isEqualTo(before);
    }

    @Test
    void ver13NotFoundAndUnavailableAreFetchFailures() {
        assertThatThrownBy(() -> fetcher().fetch(server.url("x5u.test", "/missing.pem")))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.FETCH_FAILED))
                .hasMessageContaining("answered 404");
        assertThatThrownBy(() -> fetcher().fetch(server.url("x5u.test", "/busy.pem"))).hasMessageContaining("answered 503");
    }

    @Test
    void x5u06NoContentIsAFetchFailure() {
        assertThatThrownBy(() -> fetcher().fetch(server.url("x5u.test", "/empty.pem"))).hasMessageContaining("answered 204");
    }

    @Test
    void x5u08ASlowLorisBodyEndsAtTheDeadline() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> fetcher(Duration.ofMillis(600), Loopback.resolver(), tls)
                .fetch(server.url("x5u.test", "/slow-body.pem")))
                .hasMessageContaining("no complete answer within 600 ms");
        // Unbounded, the trickle lasts 10 s; the margin absorbs a loaded build machine.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(600 + 2500));
    }

    @Test
    void x5u08AServerThatNeverAnswersEndsAtTheDeadline() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> fetcher(Duration.ofMillis(500), Loopback.resolver(), tls)
                .fetch(server.url("x5u.test", "/slow-head.pem")))
                .hasMessageContaining("no complete answer within 500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500 + 2500));
    }

    @Test
    void x5u08AServerTricklingInsideOneTlsRecordEndsAtTheDeadline() throws Exception {
        try (ServerSocket raw = new ServerSocket(0, 1, Loopback.ADDRESS)) {
            Thread trickler = new Thread(() -> trickleTlsRecord(raw));
            trickler.setDaemon(true);
            trickler.start();
            CertificatesConfig config = CertificatesConfig.defaults().toBuilder()
                    .x5uPorts(Set.of(raw.getLocalPort())).fetchTimeout(Duration.ofMillis(600)).build();
            X5uFetcher fetcher = new X5uFetcher(X5uFetcher.Rules.x5u(config),
                    AddressGuard.allowing(List.of("127.0.0.1/32")), Loopback.resolver(), connector, tls);
            long start = System.nanoTime();

            // Each socket read gets a byte within 50 ms, so only closing the socket at the deadline
            // stops the handshake from waiting 16 KB x 50 ms for the record to complete.
            assertThatThrownBy(() -> fetcher.fetch("https://x5u.test:" + raw.getLocalPort() + "/c.pem"))
                    .hasMessageContaining("no complete answer within 600 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(600 + 2500));
        }
    }

    @Test
    void x5u08ATenMegabyteChunkedBodyIsAborted() {
        assertThatThrownBy(() -> fetcher().fetch(server.url("x5u.test", "/huge-chunked.pem")))
                .hasMessageContaining("more than the limit of 65536 bytes");
    }

    @Test
    void x5u08ADeclaredTenMegabyteBodyIsRefusedUnread() {
        assertThatThrownBy(() -> fetcher().fetch(server.url("x5u.test", "/huge-declared.pem")))
                .hasMessageContaining("declares 10485760 bytes");
    }

    @Test
    void rfc7515TheServerCertificateMustMatchTheHostName() {
        assertThatThrownBy(() -> fetcher().fetch(server.url("wrong.test", "/c.pem")))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.FETCH_FAILED))
                .hasMessageContaining("TLS with wrong.test (127.0.0.1) failed");
    }

    @Test
    void theServerCaMustBeTrustedForHttps() {
        SSLSocketFactory jdkOnly = HttpsTrust.context(List.of()).getSocketFactory();

        assertThatThrownBy(() -> fetcher(GENEROUS, Loopback.resolver(), jdkOnly)
                .fetch(server.url("x5u.test", "/c.pem"))).hasMessageContaining("TLS with x5u.test");
    }

    @Test
    void x5u07DnsRebindingConnectsOnlyToTheAddressThatWasChecked() {
        Loopback.ScriptedResolver rebinding = new Loopback.ScriptedResolver(
                List.of(Loopback.ADDRESS), List.of(Loopback.address(10, 0, 0, 5)));
        X5uFetcher fetcher = fetcher(GENEROUS, rebinding, tls);

        assertThat(fetcher.fetch(server.url("rebind.test", "/c.pem")).body()).isNotEmpty();
        assertThatThrownBy(() -> fetcher.fetch(server.url("rebind.test", "/c.pem"))).hasMessageContaining("10.0.0.5");

        assertThat(rebinding.calls).as("one lookup per fetch").hasValue(2);
        assertThat(connector.attempts).containsExactly(new InetSocketAddress(Loopback.ADDRESS, server.port()));
    }

    @Test
    void crlsMayBeFetchedOverPlainHttp() throws Exception {
        try (LoopbackServer http = LoopbackServer.http()) {
            byte[] crl = PKI.crl(TestPki.NOW, TestPki.NOW.plus(Duration.ofDays(1)));
            http.route("/sti.crl", LoopbackServer.respond(200, "application/pkix-crl", null, crl));
            X5uFetcher crlFetcher = new X5uFetcher(X5uFetcher.Rules.crl(CertificatesConfig.defaults()),
                    AddressGuard.allowing(List.of("127.0.0.1/32")), Loopback.resolver(), connector, tls);

            assertThat(crlFetcher.fetch(http.url("crl.test", "/sti.crl")).body()).isEqualTo(crl);
        }
    }

    /** Headers at once, then one body byte every 100 ms: 10 s for the whole body. */
    private static HttpHandler trickle() {
        return exchange -> {
            exchange.sendResponseHeaders(200, 100);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 100 && !Thread.currentThread().isInterrupted(); i++) {
                out.write('A');
                out.flush();
                sleep(Duration.ofMillis(100));
            }
        };
    }

    /** Accepts one connection, announces a 16 KB TLS handshake record, then sends it a byte at a time. */
    private static void trickleTlsRecord(ServerSocket raw) {
        try (Socket client = raw.accept()) {
            OutputStream out = client.getOutputStream();
            out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
            for (int i = 0; i < 200; i++) {
                out.write(0);
                out.flush();
                sleep(Duration.ofMillis(50));
            }
        } catch (java.io.IOException e) {
            // the client gave up: that is the point
        }
    }

    /** 10 MB of body, chunked when {@code declared} is 0. */
    private static HttpHandler huge(long declared) {
        return exchange -> {
            exchange.sendResponseHeaders(200, declared);
            OutputStream out = exchange.getResponseBody();
            byte[] block = new byte[16 * 1024];
            for (int written = 0; written < 10 * 1024 * 1024; written += block.length) {
                out.write(block);
            }
        };
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
