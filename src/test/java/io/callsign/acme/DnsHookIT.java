package io.callsign.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dns-01 hook contract: arguments, exit status, timeout. Starts real processes. */
class DnsHookIT {

    @TempDir
    Path dir;

    @Test
    void passesActionDomainNameAndValueAfterTheFixedArguments() throws Exception {
        Path out = dir.resolve("args.txt");
        DnsHook hook = new DnsHook(List.of(script("echo \"$@\" > '" + out + "'").toString(), "--zone", "example.com"),
                Duration.ofSeconds(10));
        hook.present("sti.example.com", "_acme-challenge.sti.example.com.", "abc_DEF-123");
        assertThat(Files.readString(out).strip())
                .isEqualTo("--zone example.com present sti.example.com _acme-challenge.sti.example.com. abc_DEF-123");
    }

    @Test
    void aNonZeroExitFailsWithTheCodeAndTheLastLineOfOutput() throws Exception {
        DnsHook hook = new DnsHook(List.of(script("echo working\necho 'zone example.com not found' >&2\nexit 3")
                .toString()), Duration.ofSeconds(10));
        assertThatThrownBy(() -> hook.present("sti.example.com", "_acme-challenge.sti.example.com.", "v"))
                .isInstanceOf(AcmeFailure.class)
                .hasMessageContaining("exited with 3").hasMessageContaining("zone example.com not found");
    }

    @Test
    void aHookThatHangsIsKilledAfterTheTimeout() throws Exception {
        DnsHook hook = new DnsHook(List.of(script("sleep 30").toString()), Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThatThrownBy(() -> hook.cleanup("sti.example.com", "_acme-challenge.sti.example.com.", "v"))
                .hasMessageContaining("did not finish within").hasMessageContaining("CALLSIGN_ACME_DNS_HOOK_TIMEOUT");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aMissingCommandNamesTheSetting() {
        DnsHook hook = new DnsHook(List.of(dir.resolve("no-such-hook").toString()), Duration.ofSeconds(5));
        assertThatThrownBy(() -> hook.present("sti.example.com", "_acme-challenge.sti.example.com.", "v"))
                .hasMessageContaining("CALLSIGN_ACME_DNS_HOOK");
    }

    private Path script(String body) throws Exception {
        Path file = Files.createTempFile(dir, "hook", ".sh");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
