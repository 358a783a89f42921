package io.callsign.certificates;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Opens the TCP connection to an address that the guard already accepted. */
interface Connector {

    /** @param target an address, never a name: nothing may resolve it again */
    Socket connect(InetSocketAddress target, int timeoutMillis) throws IOException;

    static Connector plain() {
        return (target, timeoutMillis) -> {
            Socket socket = new Socket();
            try {
                socket.connect(target, timeoutMillis);
                return socket;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        };
    }
}
