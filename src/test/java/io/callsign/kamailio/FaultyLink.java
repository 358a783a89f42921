package io.callsign.kamailio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP hop between Kamailio and Callsign that a test can break, on a fixed loopback port:
 * {@link Mode#FORWARD} relays bytes, {@link Mode#CLOSED} is a closed port (Callsign stopped),
 * {@link Mode#SILENT} accepts connections and never answers (Callsign hung). Every mode change drops
 * the connections in place, so the proxy meets the new behaviour on its next connection.
 * Thread-safe.
 */
final class FaultyLink implements AutoCloseable {

    enum Mode { FORWARD, CLOSED, SILENT }

    private final int port;
    private final InetSocketAddress target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.CLOSED;
    private ServerSocket server;

    private FaultyLink(int port, InetSocketAddress target) {
        this.port = port;
        this.target = target;
    }

    /** A link forwarding a free local port to {@code targetPort} on loopback. */
    static FaultyLink to(int targetPort) {
        FaultyLink link = new FaultyLink(Ports.freeTcp(), new InetSocketAddress(Ports.LOOPBACK, targetPort));
        link.set(Mode.FORWARD);
        return link;
    }

    int port() {
        return port;
    }

    synchronized void set(Mode next) {
        mode = next;
        sockets.forEach(FaultyLink::closeQuietly);
        sockets.clear();
        if (next == Mode.CLOSED) {
            closeQuietly(server);
            server = null;
        } else if (server == null) {
            server = listen();
        }
    }

    private ServerSocket listen() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(Ports.LOOPBACK, port), 50);
            Thread acceptor = new Thread(() -> acceptLoop(socket), "faulty-link-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                continue; // closed by a mode change: the loop ends
            }
            sockets.add(client);
            if (mode == Mode.FORWARD) {
                forward(client);
            }
            // SILENT: hold the connection open and never read or write.
        }
    }

    private void forward(Socket client) {
        try {
            Socket upstream = new Socket(target.getAddress(), target.getPort());
            sockets.add(upstream);
            pump(client, upstream);
            pump(upstream, client);
        } catch (IOException e) {
            closeQuietly(client); // Callsign itself is down: the proxy sees the connection close
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // Either side closed; closing both below ends the pair.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "faulty-link-pump-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // Already closed.
        }
    }

    @Override
    public synchronized void close() {
        set(Mode.CLOSED);
    }
}
