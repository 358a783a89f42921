package io.callsign.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in the settings, reported together so an operator fixes them in one pass. */
public final class ConfigException extends RuntimeException {

    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(List<ConfigProblem> problems) {
        return problems.size() + " setting problem(s):\n" + problems.stream()
                .map(p -> "  - " + p)
                .collect(Collectors.joining("\n"));
    }
}
