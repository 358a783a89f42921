package io.callsign.kamailio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Free loopback ports, and waiting until a program has bound one. */
final class Ports {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Ports() {
    }

    static int freeUdp() {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freeTcp() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until some socket is bound to UDP {@code port}, reading /proc/net/udp rather than probing
     * with a bind of our own, which could make the program's bind fail.
     */
    static void awaitUdpBound(int port, ChildProcess owner, Duration timeout) {
        String needle = String.format(Locale.ROOT, ":%04X ", port);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!boundUdp(needle)) {
            if (!owner.isAlive()) {
                throw new AssertionError(owner.name() + " exited before binding UDP port " + port + ":\n" + owner.logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(owner.name() + " did not bind UDP port " + port + " within " + timeout
                        + ":\n" + owner.logTail());
            }
            ChildProcess.pause(Duration.ofMillis(20));
        }
    }

    private static boolean boundUdp(String needle) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/udp"));
            // "  sl  local_address rem_address ...": the local address is the second column.
            return lines.stream().skip(1).map(String::trim).map(line -> line.split("\\s+"))
                    .anyMatch(columns -> columns.length > 1 && (columns[1] + " ").endsWith(needle));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/net/udp (the SIP tests run on Linux)", e);
        }
    }
}
