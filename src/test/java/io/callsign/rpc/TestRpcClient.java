package io.callsign.rpc;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;

/** A blocking test client speaking either framing to a server on 127.0.0.1. */
final class TestRpcClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Framing framing;

    TestRpcClient(Framing framing, int port) throws IOException {
        this.framing = framing;
        this.socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 5000);
        socket.setSoTimeout(15_000);
        socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static String request(String method, String params, Object id) {
        String idJson = id instanceof String s ? "\"" + s + "\"" : String.valueOf(id);
        return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":" + idJson + "}";
    }

    /** Sends one message in this client's framing. */
    void send(String json) throws IOException {
        sendRaw(new String(framing.encode(json.getBytes(UTF_8)), UTF_8));
    }

    void sendRaw(String bytes) throws IOException {
        out.write(bytes.getBytes(UTF_8));
        out.flush();
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads one response in this client's framing. */
    String receive() throws IOException {
        return framing == Framing.NETSTRING ? readNetstring() : readLine();
    }

    private String readNetstring() throws IOException {
        int length = 0;
        int b;
        while ((b = read()) != ':') {
            if (b < '0' || b > '9') {
                throw new IOException("bad netstring length byte " + b);
            }
            length = length * 10 + (b - '0');
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length || read() != ',') {
            throw new IOException("truncated netstring");
        }
        return new String(body, UTF_8);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = read()) != '\n') {
            line.write(b);
        }
        return line.toString(UTF_8);
    }

    private int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("server closed the connection");
        }
        return b;
    }

    /** True when the server has closed the connection (after any unread bytes). */
    boolean isClosedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
