package io.callsign.acme;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dns-01 (RFC 8555 §8.4) through an operator's command, run as
 * {@code <cmd> present <domain> <txt-name> <txt-value>} before the challenge is triggered and
 * {@code <cmd> cleanup <domain> <txt-name> <txt-value>} afterwards. {@code present} must return only
 * once the TXT record is visible to the CA. Output is logged; a non-zero exit or a timeout fails.
 */
final class DnsHook {

    private static final Logger LOG = LoggerFactory.getLogger(DnsHook.class);

    private final List<String> command;
    private final Duration timeout;

    DnsHook(List<String> command, Duration timeout) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
    }

    void present(String domain, String txtName, String txtValue) {
        run("present", domain, txtName, txtValue);
    }

    void cleanup(String domain, String txtName, String txtValue) {
        run("cleanup", domain, txtName, txtValue);
    }

    private void run(String action, String domain, String txtName, String txtValue) {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(List.of(action, domain, txtName, txtValue));
        Process process = start(argv, action);
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AcmeFailure("the dns-01 hook '" + command.get(0) + " " + action + "' did not finish within "
                        + timeout + "; raise CALLSIGN_ACME_DNS_HOOK_TIMEOUT or fix the hook");
            }
            String text = output.join().strip();
            if (!text.isEmpty()) {
                LOG.info("dns-01 hook {} {}: {}", action, txtName, text);
            }
            if (process.exitValue() != 0) {
                throw new AcmeFailure("the dns-01 hook '" + command.get(0) + " " + action + " " + domain + " " + txtName
                        + "' exited with " + process.exitValue() + (text.isEmpty() ? "" : ": " + lastLine(text)));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AcmeFailure("interrupted while running the dns-01 hook", e);
        }
    }

    private Process start(List<String> argv, String action) {
        try {
            return new ProcessBuilder(argv).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AcmeFailure("cannot start the dns-01 hook '" + command.get(0) + "' for " + action + ": "
                    + e.getMessage() + "; check CALLSIGN_ACME_DNS_HOOK", e);
        }
    }

    private static String drain(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // the process was killed; what was read so far is all there is
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\\R");
        return lines[lines.length - 1];
    }
}
