package io.callsign.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Strict response parsing over in-memory bytes (X5U-03/04/06/08). */
class HttpResponseReaderTest {

    private static FetchedResource read(String response, int maxBytes) throws Exception {
        ByteArrayInputStream in = new ByteArrayInputStream(response.getBytes(StandardCharsets.ISO_8859_1));
        return new HttpResponseReader(in, "x5u https://x5u.test/c.pem", maxBytes, "CALLSIGN_X5U_MAX_BYTES")
                .read("https://x5u.test/c.pem");
    }

    private static FetchedResource read(String response) throws Exception {
        return read(response, 64 * 1024);
    }

    @Test
    void readsAContentLengthBody() throws Exception {
        FetchedResource r = read("HTTP/1.1 200 OK\r\nContent-Type: application/pem-certificate-chain\r\n"
                + "Content-Length: 5\r\n\r\nhello");

        assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(r.contentType()).contains("application/pem-certificate-chain");
        assertThat(r.maxAge()).isEmpty();
    }

    @Test
    void readsAChunkedBodyWithExtensionsAndTrailers() throws Exception {
        FetchedResource r = read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3;x=y\r\nhel\r\n2\r\nlo\r\n0\r\nX-Trailer: 1\r\n\r\n");

        assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("hello");
    }

    @Test
    void x5u04ReadsMaxAge() throws Exception {
        FetchedResource r = read("HTTP/1.1 200 OK\r\nCache-Control: public, max-age=172800\r\nContent-Length: 0\r\n\r\n");

        assertThat(r.maxAge()).contains(Duration.ofHours(48));
    }

    @Test
    void x5u04CapsAbsurdMaxAgeAtTwoToThe31Seconds() throws Exception {
        FetchedResource r = read("HTTP/1.1 200 OK\r\nCache-Control: max-age=99999999999999999999\r\nContent-Length: 0\r\n\r\n");

        assertThat(r.maxAge()).contains(Duration.ofSeconds(1L << 31));
    }

    @Test
    void x5u03RefusesRedirectsAndNamesTheLocation() {
        assertThatThrownBy(() -> read("HTTP/1.1 302 Found\r\nLocation: https://elsewhere.test/c.pem\r\nContent-Length: 0\r\n\r\n"))
                .hasMessageContaining("302").hasMessageContaining("https://elsewhere.test/c.pem").hasMessageContaining("X5U-03");
    }

    @Test
    void x5u06RefusesOtherStatuses() {
        assertThatThrownBy(() -> read("HTTP/1.1 204 No Content\r\n\r\n")).hasMessageContaining("204").hasMessageContaining("X5U-06");
        assertThatThrownBy(() -> read("HTTP/1.1 206 Partial\r\nContent-Length: 1\r\n\r\nx")).hasMessageContaining("206");
    }

    @Test
    void x5u08RefusesADeclaredLengthAboveTheLimitBeforeReadingIt() {
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 10485760\r\n\r\n", 65536))
                .hasMessageContaining("declares 10485760 bytes").hasMessageContaining("CALLSIGN_X5U_MAX_BYTES");
    }

    @Test
    void x5u08RefusesChunksBeyondTheLimit() {
        String chunk = "400\r\n" + "x".repeat(1024) + "\r\n";
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk.repeat(3), 2048))
                .hasMessageContaining("more than the limit of 2048 bytes");
    }

    @Test
    void refusesAmbiguousOrMissingFraming() {
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\n\r\nbody")).hasMessageContaining("neither Content-Length");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\nbody"))
                .hasMessageContaining("both");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 4\r\nContent-Length: 5\r\n\r\nbody"))
                .hasMessageContaining("invalid Content-Length");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n")).hasMessageContaining("gzip");
    }

    @Test
    void refusesATruncatedBodyAndMalformedHeads() {
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")).hasMessageContaining("5 of 10");
        assertThatThrownBy(() -> read("SSH-2.0-OpenSSH\r\n\r\n")).hasMessageContaining("malformed status line");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\n folded\r\n\r\n")).hasMessageContaining("malformed");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n")).hasMessageContaining("response head");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nX: " + "a".repeat(9000) + "\r\n\r\n")).hasMessageContaining("longer than");
    }
}
