package io.callsign.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Typed access to raw settings that never throws on a bad value: each problem is recorded with the
 * key, the value and the fix, and a usable placeholder is returned so that reading goes on and every
 * problem is reported in one pass by {@link #finish()}. Not thread-safe; used once at start-up.
 */
public final class SettingsReader {

    /** Prefixes of keys this service owns: an unknown key with one of them is most likely a typo. */
    private static final List<String> OWN_PREFIXES = List.of("CALLSIGN_", "SBC_", "ZTA_");

    private final Map<String, SettingsSources.Value> values;
    private final List<ConfigProblem> problems;
    private final Map<String, String> effective = new LinkedHashMap<>();
    private final Set<String> known = new TreeSet<>(Set.of(SettingsSources.FILE_KEY, SettingsSources.DIR_KEY));

    public SettingsReader(SettingsSources.RawSettings raw) {
        this.values = raw.values();
        this.problems = new ArrayList<>(raw.problems());
    }

    public String string(String key, String defaultValue) {
        return optional(key).orElseGet(() -> record(key, defaultValue, false));
    }

    public Optional<String> optional(String key) {
        known.add(key);
        SettingsSources.Value value = values.get(key);
        if (value == null || value.text().isBlank()) {
            effective.putIfAbsent(key, "(unset)");
            return Optional.empty();
        }
        effective.put(key, value.text() + "  [" + value.origin() + "]");
        return Optional.of(value.text());
    }

    /** A secret: read like {@link #optional} but never shown in the effective configuration. */
    public Optional<String> secret(String key) {
        Optional<String> value = optional(key);
        effective.put(key, value.isPresent() ? "****" : "(unset)");
        return value;
    }

    public boolean bool(String key, boolean defaultValue) {
        return optional(key).map(text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> problem(key, text, "use true or false", defaultValue);
        }).orElseGet(() -> defaulted(key, defaultValue));
    }

    public int integer(String key, int defaultValue, int min, int max) {
        return (int) longInteger(key, defaultValue, min, max);
    }

    public long longInteger(String key, long defaultValue, long min, long max) {
        return optional(key).map(text -> {
            try {
                long value = Long.parseLong(text.trim());
                if (value < min || value > max) {
                    return problem(key, text, "use a whole number from " + min + " to " + max, defaultValue);
                }
                return value;
            } catch (NumberFormatException e) {
                return problem(key, text, "use a whole number from " + min + " to " + max, defaultValue);
            }
        }).orElseGet(() -> defaulted(key, defaultValue));
    }

    /**
     * A duration: a whole number with a unit ({@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h},
     * {@code 7d}), a bare number of seconds, or ISO 8601 ({@code PT10M}); from {@code min} to {@code max}.
     */
    public Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
        String fix = "use a duration from " + Durations.format(min) + " to " + Durations.format(max)
                + " such as 30s, 10m, 2h or 7d";
        return optional(key).map(text -> Durations.parse(text)
                .filter(value -> value.compareTo(min) >= 0 && value.compareTo(max) <= 0)
                .orElseGet(() -> problem(key, text, fix, defaultValue)))
                .orElseGet(() -> defaulted(key, Durations.format(defaultValue), defaultValue));
    }

    /** A fraction strictly between 0 and 1, as a decimal ({@code 0.67}) or a percentage ({@code 67%}). */
    public double fraction(String key, double defaultValue) {
        return optional(key).map(text -> {
            String trimmed = text.trim();
            try {
                double value = trimmed.endsWith("%")
                        ? Double.parseDouble(trimmed.substring(0, trimmed.length() - 1).trim()) / 100
                        : Double.parseDouble(trimmed);
                if (value > 0 && value < 1) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            return problem(key, text, "use a fraction between 0 and 1 such as 0.67, or a percentage such as 67%",
                    defaultValue);
        }).orElseGet(() -> defaulted(key, defaultValue));
    }

    /** One of {@code allowed}, compared case-insensitively, returned as written in {@code allowed}. */
    public String choice(String key, String defaultValue, String... allowed) {
        return optional(key).map(text -> Arrays.stream(allowed)
                .filter(a -> a.equalsIgnoreCase(text.trim()))
                .findFirst()
                .orElseGet(() -> problem(key, text, "use one of " + String.join(", ", allowed), defaultValue)))
                .orElseGet(() -> defaulted(key, defaultValue));
    }

    public Optional<HostPort> hostPort(String key, String defaultValue) {
        String text = string(key, defaultValue);
        if (text == null || text.isBlank() || text.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        try {
            return Optional.of(HostPort.parse(text));
        } catch (IllegalArgumentException e) {
            return problem(key, text, e.getMessage() + "; use host:port, e.g. 0.0.0.0:8080, or off", Optional.empty());
        }
    }

    /** An existing readable file or directory, when set. */
    public Optional<Path> existingPath(String key) {
        return optional(key).flatMap(text -> {
            Path path = Path.of(text);
            if (!Files.isReadable(path)) {
                return problem(key, text, "no readable file or directory there; fix the path or unset it", Optional.empty());
            }
            return Optional.of(path);
        });
    }

    public Optional<URI> uri(String key, String... schemes) {
        return optional(key).flatMap(text -> {
            try {
                URI uri = new URI(text.trim());
                if (uri.getScheme() == null || Arrays.stream(schemes).noneMatch(s -> s.equalsIgnoreCase(uri.getScheme()))) {
                    return problem(key, text, "use an absolute " + String.join(" or ", schemes) + " URL", Optional.empty());
                }
                return Optional.of(uri);
            } catch (URISyntaxException e) {
                return problem(key, text, "not a URL (" + e.getReason() + ")", Optional.empty());
            }
        });
    }

    /** Records a problem found by a caller's own validation; returns {@code fallback} to keep reading. */
    public <T> T problem(String key, String value, String fix, T fallback) {
        problems.add(new ConfigProblem(key, value, fix));
        return fallback;
    }

    /** Throws every problem at once, including unknown keys that look like ours (likely typos). */
    public void finish() {
        values.forEach((key, value) -> {
            if (!known.contains(key) && OWN_PREFIXES.stream().anyMatch(key::startsWith)) {
                problems.add(new ConfigProblem(key, value.text(),
                        "unknown setting (from " + value.origin() + ")" + suggestion(key)));
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** The effective configuration, one {@code KEY=value [origin]} line per key, secrets masked. */
    public String effectiveConfiguration() {
        return effective.entrySet().stream()
                .map(e -> "  " + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    private <T> T defaulted(String key, T defaultValue) {
        return defaulted(key, String.valueOf(defaultValue), defaultValue);
    }

    private <T> T defaulted(String key, String shown, T defaultValue) {
        effective.put(key, shown + "  [default]");
        return defaultValue;
    }

    private String record(String key, String defaultValue, boolean secret) {
        effective.put(key, (secret ? "****" : String.valueOf(defaultValue)) + "  [default]");
        return defaultValue;
    }

    private String suggestion(String key) {
        return known.stream()
                .filter(k -> distance(k, key) <= 3)
                .findFirst()
                .map(k -> "; did you mean " + k + "?")
                .orElse("; see the settings table in the README");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
