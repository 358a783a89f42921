package io.callsign.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.http.JsonBodies;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The CLI's rendering of an explanation: decision first, plain fields, numbered steps. */
class ExplainPrinterTest {

    @Test
    void printsDecisionFieldsAndSteps() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExplainPrinter.print(JsonBodies.MAPPER.readTree("{\"steps\":[\"origin: trunk gw-1 (gateway)\",{\"rule\":\"C\"}],"
                + "\"reason\":\"gateway trunk\",\"decision\":\"C\"}"), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("decision: C\nreason: gateway trunk\nsteps:\n"
                + "  1. origin: trunk gw-1 (gateway)\n  2. {\"rule\":\"C\"}\n");
    }

    @Test
    void printsADecisionObjectByItsLevelThenItsDetails() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExplainPrinter.print(JsonBodies.MAPPER.readTree("{\"decision\":{\"level\":\"A\",\"subscriberId\":\"acct-42\","
                + "\"reason\":\"subscriber acct-42 holds 15145559876 (verified)\"},\"steps\":[\"s1\"]}"),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("decision: A\nsubscriberId: acct-42\n"
                + "reason: subscriber acct-42 holds 15145559876 (verified)\nsteps:\n  1. s1\n");
    }
}
