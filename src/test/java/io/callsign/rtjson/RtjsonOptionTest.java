package io.callsign.rtjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.http.JsonBodies;
import io.callsign.http.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rtjson option: documents built and merged byte for byte, and every refusal naming its member. */
class RtjsonOptionTest {

    private static final List<HeaderLine> SIGNED = List.of(new HeaderLine("Identity", "eyJ.x.y;info=<https://h/c.pem>;alg=ES256;ppt=shaken"),
            new HeaderLine("Date", "Mon, 30 Nov 2026 03:00:00 GMT"));
    private static final String ADDED = "Identity: eyJ.x.y;info=<https://h/c.pem>;alg=ES256;ppt=shaken\\r\\n"
            + "Date: Mon, 30 Nov 2026 03:00:00 GMT\\r\\n";

    @Test
    void trueBuildsOneSerialRouteToTheRequestUriCarryingTheHeaders() throws Exception {
        RtjsonOption option = RtjsonOption.parse(json("true"), "sip:+15145551234@ims.local;user=phone", "sip:other@x");
        assertThat(write(option.answer(SIGNED))).isEqualTo("{\"version\":\"1.0\",\"routing\":\"serial\",\"routes\":["
                + "{\"uri\":\"sip:+15145551234@ims.local;user=phone\",\"headers\":{\"extra\":\"" + ADDED + "\"}}]}");
    }

    @Test
    void trueWithoutAnIdentityRoutesWithoutHeaders() throws Exception {
        RtjsonOption option = RtjsonOption.parse(json("true"), "sip:b@h", null);
        assertThat(write(option.answer(List.of())))
                .isEqualTo("{\"version\":\"1.0\",\"routing\":\"serial\",\"routes\":[{\"uri\":\"sip:b@h\"}]}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"Bob\" <sip:+15145551234@ims.local;user=phone>;tag=9 | sip:+15145551234@ims.local;user=phone",
        "sip:+15145551234@ims.local;tag=9                      | sip:+15145551234@ims.local",
        "tel:+15145551234                                      | tel:+15145551234"})
    void trueWithoutARequestUriUsesTheUriOfTo(String to, String uri) {
        assertThat(RtjsonOption.parse(json("true"), null, to)).isEqualTo(new RtjsonOption.OneRoute(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "false"})
    void nullOrFalseAsksForNothing(String value) {
        assertThat(RtjsonOption.parse(json(value), "sip:b@h", null)).isNull();
        assertThat(RtjsonOption.parse(null, "sip:b@h", null)).isNull();
    }

    @Test
    void anOperatorDocumentKeepsEveryMemberInOrderAndItsOwnExtraLines() throws Exception {
        String document = "{\"version\":\"1.0\",\"routing\":\"serial\",\"routes\":["
                + "{\"uri\":\"sip:b@gw1\",\"dst_uri\":\"sip:10.0.0.1:5060\",\"headers\":{\"from\":{\"display\":\"A\",\"uri\":\"sip:a@h\"},"
                + "\"extra\":\"X-Route: 1\\r\\n\"},\"branch_flags\":8,\"fr_timer\":5000,\"fr_inv_timer\":30000},"
                + "{\"uri\":\"sip:b@gw2\",\"socket\":\"udp:127.0.0.1:5060\"},"
                + "{\"headers\":{\"extra\":\"X-Unterminated: 3\"},\"uri\":\"sip:b@gw3\"},"
                + "{\"uri\":\"sip:b@gw4\",\"headers\":{\"extra\":\"\"}}],\"x-vendor\":[1,2]}";
        RtjsonOption option = RtjsonOption.parse(json(document), "sip:ignored@h", null);
        assertThat(write(option.answer(SIGNED))).isEqualTo("{\"version\":\"1.0\",\"routing\":\"serial\",\"routes\":["
                + "{\"uri\":\"sip:b@gw1\",\"dst_uri\":\"sip:10.0.0.1:5060\",\"headers\":{\"from\":{\"display\":\"A\",\"uri\":\"sip:a@h\"},"
                + "\"extra\":\"X-Route: 1\\r\\n" + ADDED + "\"},\"branch_flags\":8,\"fr_timer\":5000,\"fr_inv_timer\":30000},"
                + "{\"uri\":\"sip:b@gw2\",\"socket\":\"udp:127.0.0.1:5060\",\"headers\":{\"extra\":\"" + ADDED + "\"}},"
                + "{\"headers\":{\"extra\":\"X-Unterminated: 3\\r\\n" + ADDED + "\"},\"uri\":\"sip:b@gw3\"},"
                + "{\"uri\":\"sip:b@gw4\",\"headers\":{\"extra\":\"" + ADDED + "\"}}],\"x-vendor\":[1,2]}");
        // Unsigned: the document comes back as it was sent.
        assertThat(option.answer(List.of())).isEqualTo(json(document));
    }

    @Test
    void answeringDoesNotChangeTheOptionSoEachCallStartsFromTheOperatorsDocument() {
        JsonNode document = json("{\"routes\":[{\"uri\":\"sip:b@h\"}]}");
        RtjsonOption option = RtjsonOption.parse(document, null, null);
        option.answer(SIGNED);
        assertThat(option.answer(SIGNED).path("routes").get(0).path("headers").path("extra").asText())
                .isEqualTo(ADDED.replace("\\r\\n", "\r\n"));
        assertThat(document).isEqualTo(json("{\"routes\":[{\"uri\":\"sip:b@h\"}]}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"yes\"                                          | field 'rtjson': expected true or an rtjson routing document (an object with a 'routes' array), got a string",
        "[]                                               | field 'rtjson': expected true or an rtjson routing document (an object with a 'routes' array), got an array",
        "1                                                | field 'rtjson': expected true or an rtjson routing document (an object with a 'routes' array), got a number",
        "{}                                               | field 'rtjson.routes': missing; an rtjson document lists its routes",
        "{\"routes\":{}}                                  | field 'rtjson.routes': expected an array, got an object",
        "{\"routes\":[]}                                  | field 'rtjson.routes': empty; give at least one route",
        "{\"routes\":[{},{},\"sip:x\"]}                   | field 'rtjson.routes[2]': expected an object, got a string",
        "{\"routes\":[{\"headers\":\"X: y\"}]}            | field 'rtjson.routes[0].headers': expected an object, got a string",
        "{\"routes\":[{},{},{\"headers\":{\"extra\":7}}]} | field 'rtjson.routes[2].headers.extra': expected a string of header lines, each ending in CRLF, got a number",
        "{\"routes\":[{\"headers\":{\"extra\":null}}]}    | field 'rtjson.routes[0].headers.extra': expected a string of header lines, each ending in CRLF, got null"})
    void everyRefusalNamesTheMember(String value, String detail) {
        assertThatThrownBy(() -> RtjsonOption.parse(json(value), "sip:b@h", null))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.detail()).startsWith(detail);
                });
    }

    @Test
    void trueNeedsAUriToRouteTo() {
        assertThatThrownBy(() -> RtjsonOption.parse(json("true"), " ", null)).isInstanceOf(Problem.class)
                .hasMessageStartingWith("field 'rtjson': true needs 'ruri' (or 'to')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:b@h\r\nX-Injected: 1", "sip:b@h\tx", "sip:b@h x", "sip:b\u0000@h"})
    void aRequestUriThatWouldSmuggleLinesOrSpacesIsRefused(String ruri) {
        assertThatThrownBy(() -> RtjsonOption.parse(json("true"), ruri, null)).isInstanceOf(Problem.class)
                .hasMessageStartingWith("field 'ruri': the URI contains a space or control character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v\r\nX-Injected: 1", "v\n", "v\u0000"})
    void aHeaderLineIsOneLine(String value) {
        assertThatThrownBy(() -> new HeaderLine("Identity", value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control character");
        assertThatThrownBy(() -> new HeaderLine("Iden\r\ntity", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeaderLine("Identity:", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    static JsonNode json(String text) {
        try {
            return JsonBodies.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }

    private static String write(JsonNode node) throws Exception {
        return JsonBodies.MAPPER.writeValueAsString(node);
    }
}
