package io.callsign.kamailio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** secsipidx (libsecsipid's command line) as an independent verifier of Identity headers. */
final class Secsipidx {

    private Secsipidx() {
    }

    /** Exit code and output of one {@code secsipidx -check}. */
    record Check(int exitCode, String output) {
        boolean passed() {
            return exitCode == 0 && output.strip().endsWith("ok") && !output.contains("not-ok");
        }
    }

    /**
     * Checks the signature with the certificate in {@code certificate} (the chain fetched from x5u,
     * leaf first), validating that certificate against {@code root} (-cert-verify 5: validity time
     * and custom CA), and the iat against a 60 s window.
     */
    static Check check(Path directory, String identity, Path certificate, Path root) {
        try {
            Path file = Files.createTempFile(directory, "identity-", ".txt");
            Files.writeString(file, identity, StandardCharsets.US_ASCII);
            ChildProcess process = ChildProcess.start("secsipidx-" + file.getFileName(), List.of(Tools.secsipidx().toString(),
                    "-check", "-fidentity", file.toString(), "-fpubkey", certificate.toString(),
                    "-ca-file", root.toString(), "-cert-verify", "5", "-expire", "60"), directory);
            int exit = process.waitFor(Duration.ofSeconds(20));
            return new Check(exit, process.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
