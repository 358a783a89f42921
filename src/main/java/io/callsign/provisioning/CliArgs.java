package io.callsign.provisioning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line arguments of one CLI command: positional words, options with a value
 * ({@code --subscriber acct-42} or {@code --subscriber=acct-42}, repeatable ones collect), and flags.
 * Unknown options are usage errors, so a typo never silently changes what is written.
 */
final class CliArgs {

    /** A usage error: the message says what is wrong; the CLI prints it with the usage text. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    private final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> options = new HashMap<>();

    /**
     * @param valued options that take a value, without the leading {@code --}
     * @param flags  options that take none
     */
    static CliArgs parse(List<String> args, Set<String> valued, Set<String> flags) {
        CliArgs parsed = new CliArgs();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                parsed.positional.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            String value;
            if (flags.contains(name)) {
                value = equals < 0 ? "true" : arg.substring(equals + 1);
                if (!value.equals("true") && !value.equals("false")) {
                    throw new UsageException("option --" + name + " is true or false, not '" + value + "'");
                }
            } else if (valued.contains(name)) {
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException("option --" + name + " needs a value");
                }
            } else {
                throw new UsageException("unknown option --" + name);
            }
            parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return parsed;
    }

    List<String> positional() {
        return positional;
    }

    /** The single positional argument at {@code index}, named {@code what} in the error. */
    String positional(int index, String what) {
        if (index >= positional.size()) {
            throw new UsageException("missing " + what);
        }
        return positional.get(index);
    }

    void expectPositionals(int count) {
        if (positional.size() > count) {
            throw new UsageException("unexpected argument '" + positional.get(count) + "'");
        }
    }

    Optional<String> option(String name) {
        List<String> values = options.get(name);
        if (values != null && values.size() > 1) {
            throw new UsageException("option --" + name + " given " + values.size() + " times; give it once");
        }
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    String required(String name) {
        return option(name).orElseThrow(() -> new UsageException("missing option --" + name));
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        List<String> values = options.get(name);
        return values != null && values.get(values.size() - 1).equals("true");
    }
}
