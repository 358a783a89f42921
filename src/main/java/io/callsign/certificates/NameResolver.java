package io.callsign.certificates;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name into addresses. Called once per fetch (X5U-07: no second lookup). */
interface NameResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The platform resolver; an IP literal is parsed without any query. */
    static NameResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
