package io.callsign.certificates;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * GETs one small resource (an x5u chain or a CRL) safely: URL policy first, one name resolution,
 * every address checked by the {@link AddressGuard}, then a connection to exactly a checked address
 * (X5U-07: no DNS rebinding), TLS with host name verification, and a strict HTTP/1.1 response read
 * under a total deadline and byte limit. Redirects are never followed (X5U-03). Thread-safe.
 *
 * <p>java.net.http cannot connect to a pre-resolved address on JDK 17, hence the plain socket.
 * Longer than usual: each step is a guard, and they must be seen in order.
 */
public final class X5uFetcher {

    /** Which URLs one fetcher accepts and within which limits. */
    public record Rules(X5uPolicy policy, Duration timeout, int maxBytes, String limitKey, String accept) {

        public static Rules x5u(CertificatesConfig config) {
            return new Rules(X5uPolicy.x5u(config.x5uPorts()), config.fetchTimeout(), config.maxBytes(),
                    "CALLSIGN_X5U_MAX_BYTES", "application/pem-certificate-chain");
        }

        public static Rules crl(CertificatesConfig config) {
            return new Rules(X5uPolicy.crl(), config.fetchTimeout(), config.crlMaxBytes(),
                    "CALLSIGN_CRL_MAX_BYTES", "application/pkix-crl");
        }
    }

    private final Rules rules;
    private final AddressGuard guard;
    private final NameResolver resolver;
    private final Connector connector;
    private final SSLSocketFactory tls;

    /** @param tls trusted roots for the HTTPS server certificates, see {@link HttpsTrust} */
    public X5uFetcher(Rules rules, AddressGuard guard, SSLContext tls) {
        this(rules, guard, NameResolver.system(), Connector.plain(), tls.getSocketFactory());
    }

    X5uFetcher(Rules rules, AddressGuard guard, NameResolver resolver, Connector connector, SSLSocketFactory tls) {
        this.rules = rules;
        this.guard = guard;
        this.resolver = resolver;
        this.connector = connector;
        this.tls = tls;
    }

    /**
     * The 200 answer for {@code url}.
     *
     * @throws CredentialException {@link FailureKind#FETCH_FAILED} for any refusal or failure
     */
    public FetchedResource fetch(String url) {
        X5uPolicy.Target target = rules.policy().check(url);
        Deadline deadline = Deadline.after(rules.timeout());
        List<InetAddress> addresses = resolveOnce(target);
        for (InetAddress address : addresses) {
            guard.refusal(target.host(), address).ifPresent(why -> {
                throw fail(target, "host " + target.host() + " resolves to " + why
                        + "; add the host or address to CALLSIGN_X5U_ALLOW to allow it (X5U-07)");
            });
        }
        return connectAndGet(target, addresses, deadline);
    }

    private List<InetAddress> resolveOnce(X5uPolicy.Target target) {
        try {
            List<InetAddress> addresses = resolver.resolve(target.host());
            if (addresses.isEmpty()) {
                throw new UnknownHostException("no address");
            }
            return List.copyOf(addresses);
        } catch (UnknownHostException e) {
            throw fail(target, "host " + target.host() + " does not resolve (" + e.getMessage() + ")");
        }
    }

    /** Tries the checked addresses in order; only a failed connect moves on to the next one. */
    private FetchedResource connectAndGet(X5uPolicy.Target target, List<InetAddress> addresses, Deadline deadline) {
        IOException last = null;
        for (InetAddress address : addresses) {
            Socket raw;
            try {
                raw = connector.connect(new InetSocketAddress(address, target.port()), deadline.remainingMillis());
            } catch (IOException e) {
                last = e;
                continue;
            }
            return exchange(target, address, raw, deadline);
        }
        throw deadline.passed() ? timeout(target, deadline)
                : fail(target, "cannot connect to " + addresses.get(addresses.size() - 1).getHostAddress()
                        + " port " + target.port() + ": " + last.getMessage());
    }

    private FetchedResource exchange(X5uPolicy.Target target, InetAddress address, Socket raw, Deadline deadline) {
        AtomicBoolean finished = new AtomicBoolean();
        // A per-read timeout alone lets a server trickle one byte at a time forever (slow loris,
        // X5U-08); closing the socket at the deadline ends any blocked read, TLS record reads included.
        CompletableFuture.delayedExecutor(deadline.remainingNanos(), TimeUnit.NANOSECONDS, Runnable::run)
                .execute(() -> {
                    if (!finished.get()) {
                        closeQuietly(raw);
                    }
                });
        try {
            Socket socket = target.tls() ? handshake(raw, target, deadline) : raw;
            OutputStream out = socket.getOutputStream();
            out.write(request(target));
            out.flush();
            InputStream in = new BufferedInputStream(new DeadlineInputStream(socket, deadline), 8192);
            String label = rules.policy().label() + " " + target.url();
            return new HttpResponseReader(in, label, rules.maxBytes(), rules.limitKey()).read(target.url());
        } catch (IOException e) {
            if (deadline.passed() || e instanceof SocketTimeoutException) {
                throw timeout(target, deadline);
            }
            String what = e instanceof SSLException ? "TLS with " : "I/O error talking to ";
            throw fail(target, what + target.host() + " (" + address.getHostAddress() + ") failed: " + e.getMessage());
        } finally {
            finished.set(true);
            closeQuietly(raw);
        }
    }

    private Socket handshake(Socket raw, X5uPolicy.Target target, Deadline deadline) throws IOException {
        SSLSocket socket = (SSLSocket) tls.createSocket(raw, target.host(), target.port(), true);
        SSLParameters parameters = socket.getSSLParameters();
        // RFC 7515 §4.1.5 (VER-22): the server's certificate must be valid for the x5u host name.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (Cidr.literal(target.host()).isEmpty()) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(target.host())));
            } catch (IllegalArgumentException e) {
                throw fail(target, "host " + target.host() + " is not a valid TLS server name");
            }
        }
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(deadline.remainingMillis());
        socket.startHandshake();
        return socket;
    }

    private byte[] request(X5uPolicy.Target target) {
        String request = "GET " + target.pathForRequest() + " HTTP/1.1\r\n"
                + "Host: " + target.hostHeader() + "\r\n"
                + "Accept: " + rules.accept() + "\r\n"
                + "User-Agent: Callsign\r\n"
                + "Connection: close\r\n\r\n";
        return request.getBytes(StandardCharsets.US_ASCII);
    }

    private CredentialException timeout(X5uPolicy.Target target, Deadline deadline) {
        return fail(target, "no complete answer within " + deadline.budget().toMillis()
                + " ms (CALLSIGN_X5U_TIMEOUT_MS, X5U-08)");
    }

    private CredentialException fail(X5uPolicy.Target target, String what) {
        return CredentialException.fetch(rules.policy().label() + " " + target.url() + ": " + what);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort; the socket is unusable either way
        }
    }
}
