package io.callsign.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks kamailio-cfg/ with the real {@code kamailio -c} in every mode. Kamailio must be installed
 * (Debian: kamailio, kamailio-json-modules, kamailio-extra-modules, kamailio-utils-modules); a
 * missing binary fails the test rather than skipping it.
 */
class KamailioConfigIT {

    private static final Path CONFIG = Path.of("kamailio-cfg", "kamailio.cfg");

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "CALLSIGN_MODE_HTTP",
        "CALLSIGN_MODE_RPC",
        "CALLSIGN_MODE_HTTP CALLSIGN_ROLE_VERIFY",
        "CALLSIGN_MODE_RPC CALLSIGN_ROLE_VERIFY",
        "CALLSIGN_MODE_RPC CALLSIGN_SIGN_FAIL_CLOSED CALLSIGN_VERIFY_FAIL_CLOSED CALLSIGN_NO_REASON",
        "CALLSIGN_MODE_HTTP CALLSIGN_SIGN_FAIL_CLOSED CALLSIGN_VERIFY_FAIL_CLOSED CALLSIGN_NO_REASON",
        "CALLSIGN_MODE_HTTP CALLSIGN_RTJSON",
        "CALLSIGN_MODE_RPC CALLSIGN_RTJSON CALLSIGN_SIGN_FAIL_CLOSED",
        "CALLSIGN_RTJSON CALLSIGN_ROLE_VERIFY",
    })
    void exampleConfigPassesKamailioCheck(String defines) throws Exception {
        Result result = check(defines.isBlank() ? List.of() : List.of(defines.split(" ")));
        assertThat(result.exitCode()).as("kamailio -c with [%s]:%n%s", defines, result.output()).isZero();
    }

    @Test
    void overriddenKnobsPassKamailioCheck() throws Exception {
        Result result = check(List.of("CALLSIGN_MODE_RPC",
                "CALLSIGN_RPC_SERVER=\"conn=callsign;addr=127.0.0.1;port=18090\"",
                "CALLSIGN_TIMEOUT_MS=300", "CALLSIGN_VERIFY_TIMEOUT_MS=2500", "CALLSIGN_TRUSTED_SRC=\"^10[.]\"",
                "SIP_LISTEN=udp:127.0.0.1:15060", "CALLSIGN_NEXT_HOP=\"sip:127.0.0.1:15080\""));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void bothModesAtOnceAreRefused() throws Exception {
        Result result = check(List.of("CALLSIGN_MODE_HTTP", "CALLSIGN_MODE_RPC"));
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("callsign.cfg");
    }

    private record Result(int exitCode, String output) {}

    private static Result check(List<String> defines) throws IOException, InterruptedException {
        assertThat(CONFIG).as("run from the project directory").exists();
        List<String> command = new ArrayList<>(List.of(kamailio().toString(), "-c", "-f", CONFIG.toString()));
        for (String define : defines) {
            command.add("-A");
            command.add(define);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kamailio -c did not finish within 60 s: " + command);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), output);
    }

    /** The kamailio binary from PATH or the sbin directories Debian installs it to. */
    private static Path kamailio() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        Optional<Path> found = Stream.concat(Stream.of(path.split(File.pathSeparator)),
                        Stream.of("/usr/sbin", "/usr/local/sbin", "/sbin"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "kamailio"))
                .filter(Files::isExecutable)
                .findFirst();
        return found.orElseThrow(() -> new AssertionError("kamailio is not installed; install the Debian "
                + "packages kamailio kamailio-json-modules kamailio-extra-modules kamailio-utils-modules"));
    }
}
