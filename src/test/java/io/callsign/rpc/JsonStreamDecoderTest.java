package io.callsign.rpc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonStreamDecoderTest {

    private static final int LIMIT = 1024;

    private final JsonStreamDecoder decoder = new JsonStreamDecoder(LIMIT);
    private final List<String> frames = new ArrayList<>();

    private void feed(String input) throws FrameException {
        decoder.feed(ByteBuffer.wrap(input.getBytes(UTF_8)), f -> frames.add(new String(f, UTF_8)));
    }

    @Test
    void splitsConcatenatedValuesWithoutDelimiters() throws Exception {
        feed("{\"a\":{\"b\":[1,2]}}{\"c\":\"}\"}[{\"d\":1}]");
        assertThat(frames).containsExactly("{\"a\":{\"b\":[1,2]}}", "{\"c\":\"}\"}", "[{\"d\":1}]");
        assertThat(decoder.hasPartialFrame()).isFalse();
    }

    @Test
    void stripsWhitespaceAroundValues() throws Exception {
        feed("  \n{\"a\":1}\r\n\t [2] \n");
        assertThat(frames).containsExactly("{\"a\":1}", "[2]");
        assertThat(decoder.hasPartialFrame()).isFalse();
    }

    @Test
    void valueSplitAcrossEveryBytePosition() throws Exception {
        String stream = "{\"s\":\"é \\\" }\",\"n\":[1,{\"x\":null}]} {\"t\":true}";
        for (byte b : stream.getBytes(UTF_8)) {
            decoder.feed(ByteBuffer.wrap(new byte[] {b}), f -> frames.add(new String(f, UTF_8)));
        }
        assertThat(frames).containsExactly("{\"s\":\"é \\\" }\",\"n\":[1,{\"x\":null}]}", "{\"t\":true}");
    }

    @Test
    void topLevelScalarsAreFramesForTheDispatcherToRefuse() throws Exception {
        feed("\"str\" 42 ");
        assertThat(frames).containsExactly("\"str\"", "42");
    }

    @Test
    void partialValueIsReported() throws Exception {
        feed("{\"jsonrpc\":\"2.0\",");
        assertThat(frames).isEmpty();
        assertThat(decoder.hasPartialFrame()).isTrue();
    }

    @Test
    void brokenJsonIsAParseError() {
        for (String input : List.of("{\"a\" 1}", "}", "{\"a\":1]", "nope ", "{\"a\":tru }")) {
            assertThatThrownBy(() -> new JsonStreamDecoder(LIMIT).feed(ByteBuffer.wrap(input.getBytes(UTF_8)), f -> { }))
                    .as(input)
                    .isInstanceOf(FrameException.class)
                    .satisfies(e -> assertThat(((FrameException) e).code()).isEqualTo(-32700));
        }
    }

    @Test
    void valuesLargerThanTheLimitAreRefusedBeforeTheyEnd() throws Exception {
        feed("{\"pad\":\"" + "x".repeat(LIMIT - 20) + "\"}");
        assertThat(frames).hasSize(1);
        assertThatThrownBy(() -> feed("{\"pad\":\"" + "x".repeat(LIMIT)))
                .isInstanceOf(FrameException.class)
                .satisfies(e -> assertThat(((FrameException) e).code()).isEqualTo(-32600));
    }

    @Test
    void completeValueLargerThanTheLimitInOneReadIsRefused() {
        String big = "{\"pad\":\"" + "x".repeat(LIMIT) + "\"}";
        assertThatThrownBy(() -> feed(big))
                .isInstanceOf(FrameException.class)
                .satisfies(e -> assertThat(((FrameException) e).code()).isEqualTo(-32600));
        assertThat(frames).isEmpty();
    }

    @Test
    void whitespaceBetweenValuesDoesNotCountTowardsTheLimit() throws Exception {
        for (int i = 0; i < 10; i++) {
            feed(" ".repeat(LIMIT));
        }
        feed("{}");
        assertThat(frames).containsExactly("{}");
    }

    @Test
    void encodesResponsesWithATrailingNewline() {
        assertThat(new String(JsonStreamDecoder.encode("{}".getBytes(UTF_8)), UTF_8)).isEqualTo("{}\n");
    }

    @Test
    void randomInputGivesFramesOrFrameExceptionNothingElse() {
        Random random = new Random(7);
        String alphabet = "{}[]\":,0123 abtrue\\\n";
        for (int run = 0; run < 20_000; run++) {
            byte[] junk = new byte[random.nextInt(30)];
            for (int i = 0; i < junk.length; i++) {
                junk[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            try {
                new JsonStreamDecoder(LIMIT).feed(ByteBuffer.wrap(junk), f -> assertThat(f.length).isPositive());
            } catch (FrameException expected) {
                assertThat(expected.code()).isIn(-32700, -32600);
            }
        }
    }
}
