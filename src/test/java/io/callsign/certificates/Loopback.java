package io.callsign.certificates;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test doubles that keep every test on loopback: a name resolver answering 127.0.0.1 for
 * {@code *.test} names without any DNS query, and a connector that counts and records connection
 * attempts and refuses anything but loopback, so even a bug cannot reach another host.
 */
final class Loopback {

    static final InetAddress ADDRESS = address(127, 0, 0, 1);

    private Loopback() {
    }

    static InetAddress address(int... octets) {
        byte[] bytes = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) {
            bytes[i] = (byte) octets[i];
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code *.test} and {@code localhost} answer 127.0.0.1; IP literals are parsed; the rest fails. */
    static NameResolver resolver() {
        return host -> {
            if (host.endsWith(".test") || host.equals("localhost")) {
                return List.of(ADDRESS);
            }
            return List.of(Cidr.literal(host).orElseThrow(() -> new UnknownHostException(host + " (test resolver)")));
        };
    }

    /** Counts resolutions; answers from a script, one list per call (the last repeats). */
    static final class ScriptedResolver implements NameResolver {
        private final List<List<InetAddress>> answers;
        final AtomicInteger calls = new AtomicInteger();

        ScriptedResolver(List<InetAddress> first, List<InetAddress> later) {
            this.answers = List.of(first, later);
        }

        ScriptedResolver(List<InetAddress> always) {
            this.answers = List.of(always);
        }

        @Override
        public List<InetAddress> resolve(String host) {
            int call = calls.getAndIncrement();
            return answers.get(Math.min(call, answers.size() - 1));
        }
    }

    /** Records every connection attempt; connects for real only to loopback. */
    static final class CountingConnector implements Connector {
        final List<InetSocketAddress> attempts = new CopyOnWriteArrayList<>();

        @Override
        public Socket connect(InetSocketAddress target, int timeoutMillis) throws IOException {
            attempts.add(target);
            if (!target.getAddress().isLoopbackAddress()) {
                throw new AssertionError("a test tried to connect to " + target);
            }
            return Connector.plain().connect(target, timeoutMillis);
        }
    }
}
