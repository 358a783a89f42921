package io.callsign.kamailio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kamailio started in the foreground on one loopback UDP port, with {@code -A} defines. The
 * configuration must take its listen address from the {@code SIP_LISTEN} define, as
 * kamailio-cfg/kamailio.cfg does.
 */
final class Kamailio implements AutoCloseable {

    /** janssonrpcc logs this once its TCP connection to a server is up. */
    static final String RPC_CONNECTED = "Connected to host";

    private final ChildProcess process;
    private final int port;

    private Kamailio(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The example proxy of kamailio-cfg/. */
    static Kamailio example(Path directory, List<String> defines) {
        return start(Tools.project("kamailio-cfg/kamailio.cfg"), directory, defines);
    }

    static Kamailio start(Path config, Path directory, List<String> defines) {
        int port = Ports.freeUdp();
        Path runtime = directory.resolve("kamailio-run-" + port);
        try {
            Files.createDirectories(runtime);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(Tools.kamailio().toString(), "-DD", "-E",
                "-Y", runtime.toString(), "-w", directory.toString(), "-m", "64", "-M", "8",
                "-f", config.toString(), "-A", "SIP_LISTEN=udp:127.0.0.1:" + port));
        for (String define : defines) {
            command.add("-A");
            command.add(define);
        }
        ChildProcess process = ChildProcess.start("kamailio-" + port, command, directory);
        try {
            Ports.awaitUdpBound(port, process, Duration.ofSeconds(20));
            return new Kamailio(process, port);
        } catch (RuntimeException | AssertionError e) {
            process.close();
            throw e;
        }
    }

    /** A define with a quoted string value, e.g. {@code CALLSIGN_NEXT_HOP="sip:127.0.0.1:5080"}. */
    static String string(String name, String value) {
        return name + "=\"" + value + "\"";
    }

    int port() {
        return port;
    }

    /** Where a sipp UAC sends its INVITEs. */
    String address() {
        return "127.0.0.1:" + port;
    }

    ChildProcess process() {
        return process;
    }

    /** Waits until janssonrpcc has connected {@code times} times in total (reconnections count). */
    void awaitRpcConnected(int times) {
        process.awaitLog(RPC_CONNECTED, times, Duration.ofSeconds(15));
    }

    int rpcConnections() {
        return process.count(RPC_CONNECTED);
    }

    @Override
    public void close() {
        process.close();
    }
}
