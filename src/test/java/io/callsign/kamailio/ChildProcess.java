package io.callsign.kamailio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A program started by a test, its output in a log file. {@link #close()} stops it and every process
 * it forked (Kamailio's workers), first politely, then by force; a JVM shutdown hook does the same
 * for any process a crashed test left behind. Not thread-safe, except {@link #log()}.
 */
final class ChildProcess implements AutoCloseable {

    private static final Set<ChildProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(ChildProcess::close),
                "stop-test-processes"));
    }

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Path directory) {
        Path log = directory.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".out");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            ChildProcess child = new ChildProcess(name, process, log);
            RUNNING.add(child);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Everything the process wrote so far (stdout and stderr). */
    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The end of the log, for assertion messages. */
    String logTail() {
        String text = log();
        return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
    }

    /** How often {@code text} occurs in the log so far. */
    int count(String text) {
        String all = log();
        int n = 0;
        for (int at = all.indexOf(text); at >= 0; at = all.indexOf(text, at + text.length())) {
            n++;
        }
        return n;
    }

    /** Waits until the log holds {@code text} at least {@code times} times; fails if the process dies first. */
    void awaitLog(String text, int times, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(text) < times) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited (" + process.exitValue() + ") before logging '" + text
                        + "':\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not log '" + text + "' " + times + " time(s) within "
                        + timeout + ":\n" + logTail());
            }
            pause(Duration.ofMillis(50));
        }
    }

    /** Waits for the process to end by itself; stops it and fails when it takes longer. */
    int waitFor(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                RUNNING.remove(this);
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        throw new AssertionError(name + " did not finish within " + timeout + ":\n" + logTail());
    }

    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        RUNNING.remove(this);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
