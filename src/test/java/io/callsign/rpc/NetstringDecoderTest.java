package io.callsign.rpc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NetstringDecoderTest {

    private static final int LIMIT = 64 * 1024;

    private final NetstringDecoder decoder = new NetstringDecoder(LIMIT);
    private final List<String> frames = new ArrayList<>();

    private void feed(String input) throws FrameException {
        decoder.feed(ByteBuffer.wrap(input.getBytes(UTF_8)), f -> frames.add(new String(f, UTF_8)));
    }

    @Test
    void decodesConsecutiveNetstringsInOneRead() throws Exception {
        feed("7:{\"a\":1},2:[],0:,");
        assertThat(frames).containsExactly("{\"a\":1}", "[]", "");
        assertThat(decoder.hasPartialFrame()).isFalse();
    }

    @Test
    void decodesAFrameSplitAcrossEveryBytePosition() throws Exception {
        String stream = "11:{\"id\":\"é\"},3:abc,";
        for (byte b : stream.getBytes(UTF_8)) {
            decoder.feed(ByteBuffer.wrap(new byte[] {b}), f -> frames.add(new String(f, UTF_8)));
        }
        assertThat(frames).containsExactly("{\"id\":\"é\"}", "abc");
    }

    @Test
    void lengthCountsBytesNotCharacters() throws Exception {
        feed("4:\"é\",");
        assertThat(frames).containsExactly("\"é\"");
    }

    @Test
    void toleratesWhitespaceBetweenNetstrings() throws Exception {
        feed("2:{},\r\n 2:[],\n");
        assertThat(frames).containsExactly("{}", "[]");
    }

    @Test
    void rejectsLeadingZero() {
        assertGarbled("01:x,", "leading zero");
        assertGarbled("00:,", "leading zero");
    }

    @Test
    void rejectsNonDigitInLength() {
        assertGarbled("1a:x,", "'a'");
        assertGarbled("{\"jsonrpc\":\"2.0\"}", "'{'");
        assertGarbled(":x,", "':'");
        assertGarbled("-1:x,", "'-'");
        assertGarbled(" 1 :x,", "byte 0x20");
    }

    @Test
    void rejectsMissingComma() {
        assertGarbled("3:abc;", "';'");
        assertGarbled("3:abcd,", "'d'");
    }

    @Test
    void rejectsOversizeAsSoonAsTheLengthExceedsTheLimit() throws Exception {
        assertThatThrownBy(() -> feed("65537"))
                .isInstanceOf(FrameException.class)
                .hasMessageContaining("65536 bytes")
                .satisfies(e -> assertThat(((FrameException) e).code()).isEqualTo(-32600));
        assertThatThrownBy(() -> new NetstringDecoder(LIMIT).feed(
                ByteBuffer.wrap("99999999999999999999999:".getBytes(UTF_8)), f -> { }))
                .isInstanceOf(FrameException.class);
    }

    @Test
    void acceptsExactlyTheLimit() throws Exception {
        feed(LIMIT + ":" + "x".repeat(LIMIT) + ",");
        assertThat(frames).singleElement().satisfies(f -> assertThat(f).hasSize(LIMIT));
    }

    @Test
    void truncatedFrameIsReportedAsPartial() throws Exception {
        feed("10:{\"a\"");
        assertThat(frames).isEmpty();
        assertThat(decoder.hasPartialFrame()).isTrue();
        NetstringDecoder lengthOnly = new NetstringDecoder(LIMIT);
        lengthOnly.feed(ByteBuffer.wrap("12".getBytes(UTF_8)), f -> { });
        assertThat(lengthOnly.hasPartialFrame()).isTrue();
    }

    @Test
    void encodesResponses() {
        assertThat(new String(NetstringDecoder.encode("{\"é\":1}".getBytes(UTF_8)), UTF_8))
                .isEqualTo("8:{\"é\":1},");
    }

    @Test
    void randomInputGivesFramesOrFrameExceptionNothingElse() {
        Random random = new Random(20260101);
        for (int run = 0; run < 20_000; run++) {
            byte[] junk = new byte[random.nextInt(40)];
            for (int i = 0; i < junk.length; i++) {
                junk[i] = (byte) "0123456789:,{} x\n\u00ff".charAt(random.nextInt(17));
            }
            NetstringDecoder fresh = new NetstringDecoder(100);
            try {
                fresh.feed(ByteBuffer.wrap(junk), f -> assertThat(f.length).isLessThanOrEqualTo(100));
            } catch (FrameException expected) {
                assertThat(expected.code()).isIn(-32700, -32600);
            }
        }
    }

    private void assertGarbled(String input, String mentions) {
        assertThatThrownBy(() -> new NetstringDecoder(LIMIT).feed(ByteBuffer.wrap(input.getBytes(UTF_8)), f -> { }))
                .as(input)
                .isInstanceOf(FrameException.class)
                .hasMessageContaining(mentions)
                .satisfies(e -> assertThat(((FrameException) e).code()).isEqualTo(-32700));
    }
}
