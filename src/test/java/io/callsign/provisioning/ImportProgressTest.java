package io.callsign.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress lines computed from bytes and rows read, against a fixed clock. */
class ImportProgressTest {

    @Test
    void showsPercentRateAndEtaThenUploadedWhenAllIsSent() throws Exception {
        AtomicLong nanos = new AtomicLong();
        byte[] file = "1,a,t\n2,a,t\n3,a,t\n4,a,t\n".getBytes(StandardCharsets.US_ASCII);
        ImportProgress progress = new ImportProgress(new PrintStream(new ByteArrayOutputStream()), true, file.length, nanos::get);
        InputStream in = progress.counting(new ByteArrayInputStream(file));
        in.read(new byte[12]);
        nanos.set(2_000_000_000L);
        assertThat(progress.line()).isEqualTo("[###############...............]  50%  2 rows  1 rows/s  ETA 2 s");
        in.readAllBytes();
        assertThat(progress.line()).endsWith("100%  4 rows  2 rows/s  uploaded; the service is applying the rows");
    }

    @Test
    void withoutATerminalPrintsPlainLinesAndASummary() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicLong nanos = new AtomicLong();
        ImportProgress progress = new ImportProgress(new PrintStream(err, true, StandardCharsets.UTF_8), false, 10, nanos::get);
        assertThat(progress.line()).startsWith("import:   0%");
        progress.start();
        nanos.set(1_000_000_000L);
        progress.stop();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "import: sent 0 bytes, 0 rows in 1.0 s (0 rows/s, including the service's work)\n");
    }
}
