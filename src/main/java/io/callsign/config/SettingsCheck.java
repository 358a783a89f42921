package io.callsign.config;

import java.util.List;

/**
 * A check of loaded settings that needs a feature's knowledge, such as whether the key and
 * certificate files they name fit together. Its problems are reported with every other setting
 * problem, in one pass.
 */
@FunctionalInterface
public interface SettingsCheck {

    /** Every problem found; empty when the settings are fine for this feature. */
    List<ConfigProblem> problems(Settings settings);
}
