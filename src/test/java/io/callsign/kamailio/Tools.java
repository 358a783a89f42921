package io.callsign.kamailio;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The external programs the SIP tests drive. A missing one fails the test loudly; it is never skipped. */
final class Tools {

    private Tools() {
    }

    static Path kamailio() {
        return find("kamailio", "kamailio kamailio-utils-modules kamailio-json-modules kamailio-extra-modules "
                + "kamailio-secsipid-modules");
    }

    static Path sipp() {
        return find("sipp", "sip-tester");
    }

    static Path secsipidx() {
        return find("secsipidx", "secsipidx");
    }

    /** A file of this project, relative to its directory (tests run from there). */
    static Path project(String relative) {
        Path path = Path.of(relative).toAbsolutePath();
        if (!Files.exists(path)) {
            throw new AssertionError(relative + " not found from " + Path.of("").toAbsolutePath()
                    + "; run the tests from the project directory");
        }
        return path;
    }

    static Path sippScenario(String name) {
        return project("src/test/resources/sipp/" + name);
    }

    /** The binary from PATH or the sbin directories Debian installs daemons to. */
    private static Path find(String binary, String debianPackages) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/sbin", "/usr/local/sbin", "/sbin"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, binary))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new AssertionError(binary + " is not installed; on Debian: apt-get install "
                        + debianPackages + " (.ci/run installs them)"));
    }
}
