package io.callsign.ops;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * A tiny metrics registry rendered in the Prometheus text format. Counters are {@link LongAdder}s,
 * so incrementing on the call path costs no lock. Thread-safe.
 */
public final class Metrics {

    private final Map<String, Family> families = new ConcurrentHashMap<>();

    /** A counter with fixed label values, created on first use and then cached by the caller. */
    public LongAdder counter(String name, String help, String... labelPairs) {
        Family family = families.computeIfAbsent(name, n -> new Family(n, help, "counter"));
        return family.counters.computeIfAbsent(labels(labelPairs), l -> new LongAdder());
    }

    /** A gauge read at scrape time. */
    public void gauge(String name, String help, DoubleSupplier value, String... labelPairs) {
        Family family = families.computeIfAbsent(name, n -> new Family(n, help, "gauge"));
        family.gauges.put(labels(labelPairs), value);
    }

    /** The Prometheus exposition text of every metric. */
    public String render() {
        StringBuilder out = new StringBuilder(4096);
        new TreeMap<>(families).values().forEach(f -> f.render(out));
        return out.toString();
    }

    private static String labels(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name/value pairs, got " + pairs.length + " strings");
        }
        if (pairs.length == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                text.append(',');
            }
            text.append(pairs[i]).append("=\"").append(escape(pairs[i + 1])).append('"');
        }
        return text.append('}').toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static final class Family {
        final String name;
        final String help;
        final String type;
        final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
        final Map<String, DoubleSupplier> gauges = new ConcurrentHashMap<>();

        Family(String name, String help, String type) {
            this.name = name;
            this.help = help;
            this.type = type;
        }

        void render(StringBuilder out) {
            out.append("# HELP ").append(name).append(' ').append(help).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
            new TreeMap<>(counters).forEach((labels, value) ->
                    out.append(name).append(labels).append(' ').append(value.sum()).append('\n'));
            new TreeMap<>(gauges).forEach((labels, value) ->
                    out.append(name).append(labels).append(' ').append(value.getAsDouble()).append('\n'));
        }
    }
}
