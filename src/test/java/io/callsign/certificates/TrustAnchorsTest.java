package io.callsign.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CERT-17: anchors only from configured PEM files, reloaded without a restart. */
class TrustAnchorsTest {

    private static final TestPki A = TestPki.create();
    private static final TestPki B = TestPki.create();

    @TempDir
    Path dir;

    @Test
    void loadsASingleFile() {
        TrustAnchors anchors = TrustAnchors.load(Optional.of(A.writeRoot(dir.resolve("roots.pem"))));

        assertThat(anchors.current().certificates()).containsExactly(A.root().certificate());
        assertThat(anchors.current().generation()).isEqualTo(1);
    }

    @Test
    void loadsEveryPemFileOfADirectory() throws Exception {
        A.writeRoot(dir.resolve("a.pem"));
        B.writeRoot(dir.resolve("b.crt"));
        Files.writeString(dir.resolve("README.txt"), "not a certificate");

        TrustAnchors anchors = TrustAnchors.load(Optional.of(dir));

        assertThat(anchors.current().certificates()).containsExactlyInAnyOrder(A.root().certificate(), B.root().certificate());
    }

    @Test
    void noSourceMeansNoAnchorsNotTheSystemRoots() {
        assertThat(TrustAnchors.load(Optional.empty()).current().anchors()).isEmpty();
    }

    @Test
    void aMissingOrEmptySourceIsAConfigurationError() throws Exception {
        assertThatThrownBy(() -> TrustAnchors.load(Optional.of(dir.resolve("absent.pem"))))
                .hasMessageContaining("CALLSIGN_TRUST_ANCHORS");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> TrustAnchors.load(Optional.of(empty))).hasMessageContaining("no PEM CERTIFICATE");
    }

    @Test
    void reloadReplacesTheSetAndBumpsTheGeneration() {
        Path file = A.writeRoot(dir.resolve("roots.pem"));
        TrustAnchors anchors = TrustAnchors.load(Optional.of(file));

        B.writeRoot(file);

        assertThat(anchors.reload()).isTrue();
        assertThat(anchors.current().certificates()).containsExactly(B.root().certificate());
        assertThat(anchors.current().generation()).isEqualTo(2);
        assertThat(anchors.reload()).as("same content again").isFalse();
    }

    @Test
    void refreshIfChangedNoticesANewModificationTime() throws Exception {
        Path file = A.writeRoot(dir.resolve("roots.pem"));
        TrustAnchors anchors = TrustAnchors.load(Optional.of(file));
        assertThat(anchors.refreshIfChanged()).isFalse();

        B.writeRoot(file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

        assertThat(anchors.refreshIfChanged()).isTrue();
        assertThat(anchors.current().certificates()).containsExactly(B.root().certificate());
    }

    @Test
    void aBrokenFileKeepsThePreviousAnchors() throws Exception {
        Path file = A.writeRoot(dir.resolve("roots.pem"));
        TrustAnchors anchors = TrustAnchors.load(Optional.of(file));

        Files.writeString(file, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

        assertThat(anchors.reload()).isFalse();
        assertThat(anchors.current().certificates()).containsExactly(A.root().certificate());
    }
}
