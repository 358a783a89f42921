package io.callsign.kamailio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** secsipidx (libsecsipid's command line) as an independent signer and verifier of Identity headers. */
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

    /**
     * A SHAKEN Identity header signed by libsecsipid with {@code key}, for {@code x5u}, with the given
     * claims; {@code iat} is taken as given (secsipidx -sign-full would use the current time).
     */
    static String sign(Path directory, Path key, String x5u, String attest, String orig, String dest, long iat) {
        String header = "{\"alg\":\"ES256\",\"ppt\":\"shaken\",\"typ\":\"passport\",\"x5u\":\"" + x5u + "\"}";
        String payload = "{\"attest\":\"" + attest + "\",\"dest\":{\"tn\":[\"" + dest + "\"]},\"iat\":" + iat
                + ",\"orig\":{\"tn\":\"" + orig + "\"},\"origid\":\"" + java.util.UUID.randomUUID() + "\"}";
        ChildProcess process = ChildProcess.start("secsipidx-sign-" + System.nanoTime(), List.of(Tools.secsipidx().toString(),
                "-sign", "-k", key.toString(), "-header", header, "-payload", payload), directory);
        int exit = process.waitFor(Duration.ofSeconds(20));
        String jwt = process.log().strip();
        jwt = jwt.substring(jwt.lastIndexOf('\n') + 1);
        if (exit != 0 || jwt.split("\\.").length != 3) {
            throw new AssertionError("secsipidx -sign failed (" + exit + "): " + process.log());
        }
        return jwt + ";info=<" + x5u + ">;alg=ES256;ppt=shaken";
    }
}
