package io.callsign.kamailio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sipp run: a scenario from src/test/resources/sipp/, as a UAS ({@link #listen}) or a UAC
 * ({@link #call}). Messages are traced to a file unless {@link #untraced()}; the final statistics
 * screen is always kept. The scenarios' keys default to harmless values: {@code caller}
 * +15145559876, {@code headers} "X-Callsign-Test: none".
 */
final class Sipp {

    private final Path directory;
    private final String scenario;
    private final String name;
    private final Map<String, String> keys = new LinkedHashMap<>(Map.of(
            "caller", "+15145559876", "headers", "X-Callsign-Test: none"));
    private String localIp = "127.0.0.1";
    private int port;
    private int calls = 1;
    private int rate;
    private boolean trace = true;

    private Sipp(Path directory, String scenario, String name) {
        this.directory = directory;
        this.scenario = scenario;
        this.name = name;
    }

    static Sipp scenario(String scenario, Path directory, String name) {
        return new Sipp(directory, scenario, name);
    }

    Sipp key(String key, String value) {
        keys.put(key, value);
        return this;
    }

    /** Extra header lines for the INVITE (the {@code headers} key). */
    Sipp headers(String... lines) {
        return key("headers", lines.length == 0 ? "X-Callsign-Test: none" : String.join("\r\n", lines));
    }

    Sipp caller(String number) {
        return key("caller", number);
    }

    Sipp from(String ip) {
        this.localIp = ip;
        return this;
    }

    Sipp calls(int count) {
        this.calls = count;
        return this;
    }

    /** Calls per second (sipp -r). */
    Sipp rate(int callsPerSecond) {
        this.rate = callsPerSecond;
        return this;
    }

    Sipp untraced() {
        this.trace = false;
        return this;
    }

    /** The local UDP port; a free one when not set. */
    Sipp port(int localPort) {
        this.port = localPort;
        return this;
    }

    /** Starts a UAS and waits until it listens. */
    Running listen(Duration lifetime) {
        port = port > 0 ? port : Ports.freeUdp();
        ChildProcess process = ChildProcess.start(name, command(List.of(), lifetime), directory);
        Ports.awaitUdpBound(port, process, Duration.ofSeconds(10));
        return new Running(this, process);
    }

    /** Runs a UAC against {@code target} (ip:port) and waits for it to finish. */
    Result call(String target, Duration timeout) {
        port = port > 0 ? port : Ports.freeUdp();
        ChildProcess process = ChildProcess.start(name, command(List.of(target), timeout), directory);
        return new Running(this, process).finish(timeout);
    }

    private List<String> command(List<String> target, Duration lifetime) {
        List<String> command = new ArrayList<>(List.of(Tools.sipp().toString(),
                "-sf", Tools.sippScenario(scenario).toString(), "-m", String.valueOf(calls),
                "-i", localIp, "-p", String.valueOf(port), "-nostdin",
                // A last resort if this JVM dies: sipp then ends by itself.
                "-timeout", (lifetime.toSeconds() + 10) + "s",
                "-trace_screen", "-screen_file", file("screen").toString()));
        if (trace) {
            command.addAll(List.of("-trace_msg", "-message_file", file("messages").toString()));
        }
        if (rate > 0) {
            command.addAll(List.of("-r", String.valueOf(rate), "-rp", "1000"));
        }
        keys.forEach((key, value) -> command.addAll(List.of("-key", key, value)));
        command.addAll(target);
        return command;
    }

    private Path file(String kind) {
        return directory.resolve(name + "-" + kind + ".log");
    }

    /** The local port (a UAS's listening port). */
    int port() {
        return port;
    }

    /** A sipp that was started and not yet waited for. */
    record Running(Sipp sipp, ChildProcess process) implements AutoCloseable {

        /** The SIP URI of this UAS, for CALLSIGN_NEXT_HOP. */
        String uri() {
            return "sip:127.0.0.1:" + sipp.port;
        }

        Result finish(Duration timeout) {
            int exit = process.waitFor(timeout);
            return new Result(exit, trace(), Screens.read(sipp.file("screen")), process.log());
        }

        SipTrace trace() {
            return SipTrace.read(sipp.file("messages"));
        }

        @Override
        public void close() {
            process.close();
        }
    }

    /**
     * What a finished sipp reported. sipp exits 0 when every call succeeded, 1 when some failed,
     * 99 when it ended without processing calls, 255/254 on fatal errors.
     */
    record Result(int exitCode, SipTrace trace, String screen, String output) {

        int successfulCalls() {
            return Screens.counter(screen, "Successful call");
        }

        int failedCalls() {
            return Screens.counter(screen, "Failed call");
        }

        String describe() {
            return "exit " + exitCode + ", " + successfulCalls() + " successful, " + failedCalls() + " failed; messages "
                    + trace.summary() + "\n" + output;
        }
    }
}
