package io.callsign.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Collects raw settings from, in increasing precedence: a ConfigMap directory (one file per key, as
 * Kubernetes mounts it), a properties file, and the environment. Keys are canonicalised so that the
 * seed's ConfigMap key {@code sbc-enable-stir}, a properties key {@code sbc.enable.stir} and the
 * variable {@code SBC_ENABLE_STIR} all mean the same setting.
 */
public final class SettingsSources {

    /** Environment variable naming the properties file. */
    public static final String FILE_KEY = "CALLSIGN_CONFIG_FILE";
    /** Environment variable naming the ConfigMap directory. */
    public static final String DIR_KEY = "CALLSIGN_CONFIG_DIR";

    private SettingsSources() {
    }

    /** Reads the sources named by the environment itself ({@code CALLSIGN_CONFIG_DIR/FILE}). */
    public static RawSettings fromEnvironment(Map<String, String> environment) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Value> values = new LinkedHashMap<>();
        Map<String, String> env = canonical(environment);
        Optional.ofNullable(env.get(DIR_KEY)).ifPresent(dir -> readDirectory(Path.of(dir), values, problems));
        Optional.ofNullable(env.get(FILE_KEY)).ifPresent(file -> readFile(Path.of(file), values, problems));
        env.forEach((key, value) -> values.put(key, new Value(value, "environment")));
        return new RawSettings(values, problems);
    }

    public static String canonicalKey(String key) {
        return key.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    private static Map<String, String> canonical(Map<String, String> environment) {
        Map<String, String> result = new LinkedHashMap<>();
        environment.forEach((k, v) -> result.put(canonicalKey(k), v));
        return result;
    }

    private static void readDirectory(Path dir, Map<String, Value> values, List<ConfigProblem> problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(new ConfigProblem(DIR_KEY, dir.toString(), "no such directory; point it at the mounted ConfigMap"));
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                // Kubernetes keeps its own bookkeeping in "..data" and "..<timestamp>" entries.
                if (name.startsWith(".") || !Files.isRegularFile(file)) {
                    continue;
                }
                String value = Files.readString(file, StandardCharsets.UTF_8).strip();
                values.put(canonicalKey(name), new Value(value, "configmap " + name));
            }
        } catch (IOException e) {
            problems.add(new ConfigProblem(DIR_KEY, dir.toString(), "cannot read the directory: " + e.getMessage()));
        }
    }

    private static void readFile(Path file, Map<String, Value> values, List<ConfigProblem> problems) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            problems.add(new ConfigProblem(FILE_KEY, file.toString(), "cannot read the properties file: " + e.getMessage()));
            return;
        }
        properties.stringPropertyNames().forEach(name ->
                values.put(canonicalKey(name), new Value(properties.getProperty(name).strip(), "file " + file.getFileName())));
    }

    /** A raw value and where it came from, for the effective-configuration log. */
    public record Value(String text, String origin) {
    }

    /** Everything the sources said, plus the problems met while reading them. */
    public record RawSettings(Map<String, Value> values, List<ConfigProblem> problems) {
        public RawSettings {
            values = Map.copyOf(values);
            problems = List.copyOf(problems);
        }
    }
}
