package io.callsign.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** CLI argument parsing: positionals, valued and repeated options, flags, and usage errors. */
class CliArgsTest {

    private static CliArgs parse(String... args) {
        return CliArgs.parse(List.of(args), Set.of("subscriber", "cidr"), Set.of("verified"));
    }

    @Test
    void readsPositionalsOptionsAndFlags() {
        CliArgs args = parse("15145559876", "--subscriber", "acct-42", "--verified", "--cidr=10.0.0.0/8", "--cidr", "::1");
        assertThat(args.positional()).containsExactly("15145559876");
        assertThat(args.required("subscriber")).isEqualTo("acct-42");
        assertThat(args.flag("verified")).isTrue();
        assertThat(args.all("cidr")).containsExactly("10.0.0.0/8", "::1");
        assertThat(parse("--verified=false").flag("verified")).isFalse();
        assertThat(parse().flag("verified")).isFalse();
    }

    @Test
    void reportsUsageErrors() {
        assertThatThrownBy(() -> parse("--verifed")).hasMessage("unknown option --verifed");
        assertThatThrownBy(() -> parse("--subscriber")).hasMessage("option --subscriber needs a value");
        assertThatThrownBy(() -> parse("--verified=maybe")).hasMessage("option --verified is true or false, not 'maybe'");
        assertThatThrownBy(() -> parse("--subscriber", "a", "--subscriber", "b").option("subscriber"))
                .hasMessage("option --subscriber given 2 times; give it once");
        assertThatThrownBy(() -> parse().required("subscriber")).hasMessage("missing option --subscriber");
        assertThatThrownBy(() -> parse("a", "b").expectPositionals(1)).hasMessage("unexpected argument 'b'");
    }
}
