package io.callsign.provisioning;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Upload progress of {@code callsign import}: bytes and rows sent against the file size, rows per
 * second and time left. On a terminal it redraws one bar line five times a second; otherwise (logs,
 * pipes) it prints a plain line every five seconds. It always ends with a summary line.
 */
final class ImportProgress {

    private static final long TERMINAL_EVERY_MS = 200;
    private static final long PLAIN_EVERY_MS = 5_000;
    private static final int BAR = 30;

    private final PrintStream err;
    private final boolean terminal;
    private final long size;
    private final LongSupplier nanoTime;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private long started;
    private Thread ticker;

    ImportProgress(PrintStream err, boolean terminal, long size, LongSupplier nanoTime) {
        this.err = err;
        this.terminal = terminal;
        this.size = size;
        this.nanoTime = nanoTime;
    }

    /** Wraps the file so that what the HTTP client reads is counted. */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count(buffer, offset, n);
                }
                return n;
            }
        };
    }

    private void count(byte[] buffer, int offset, int length) {
        int lines = 0;
        for (int i = offset; i < offset + length; i++) {
            if (buffer[i] == '\n') {
                lines++;
            }
        }
        rows.addAndGet(lines);
        bytes.addAndGet(length);
    }

    void start() {
        started = nanoTime.getAsLong();
        ticker = new Thread(this::tick, "callsign-import-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    void stop() {
        if (ticker == null) {
            return;
        }
        ticker.interrupt();
        try {
            ticker.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.print((terminal ? "\r" + line() + "\n" : "") + summary() + "\n");
        err.flush();
    }

    private void tick() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(terminal ? TERMINAL_EVERY_MS : PLAIN_EVERY_MS);
                err.print(terminal ? "\r" + line() : line() + "\n");
                err.flush();
            }
        } catch (InterruptedException e) {
            // stopped
        }
    }

    /** One progress line: bar (terminal), percentage, rows, rate, ETA or "server applying". */
    String line() {
        long sent = bytes.get();
        double seconds = Math.max(1e-3, (nanoTime.getAsLong() - started) / 1e9);
        double fraction = size == 0 ? 1 : Math.min(1, (double) sent / size);
        long rate = Math.round(rows.get() / seconds);
        String eta = sent >= size ? "uploaded; the service is applying the rows"
                : "ETA " + Math.round((size - sent) / Math.max(1, sent / seconds)) + " s";
        String bar = terminal
                ? "[" + "#".repeat((int) (fraction * BAR)) + ".".repeat(BAR - (int) (fraction * BAR)) + "] " : "import: ";
        return String.format("%s%3d%%  %,d rows  %,d rows/s  %s", bar, Math.round(fraction * 100), rows.get(), rate, eta);
    }

    private String summary() {
        double seconds = Math.max(1e-3, (nanoTime.getAsLong() - started) / 1e9);
        return String.format("import: sent %,d bytes, %,d rows in %.1f s (%,d rows/s, including the service's work)",
                bytes.get(), rows.get(), seconds, Math.round(rows.get() / seconds));
    }
}
