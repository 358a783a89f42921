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
}
