package io.callsign.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callsign.http.Problem;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 9110 §13.1 conditional requests on the row version. */
class PreconditionsTest {

    private static Preconditions ifMatch(String header) {
        return new Preconditions(Optional.of(header), Optional.empty());
    }

    private static Preconditions ifNoneMatch(String header) {
        return new Preconditions(Optional.empty(), Optional.of(header));
    }

    @Test
    void withoutHeadersTheLastWriteWins() {
        assertThatCode(() -> Preconditions.NONE.require("x", Optional.of("\"v3\""))).doesNotThrowAnyException();
        assertThatCode(() -> Preconditions.NONE.require("x", Optional.empty())).doesNotThrowAnyException();
    }

    @Test
    void ifMatchNeedsTheCurrentVersion() {
        assertThatCode(() -> ifMatch("\"v3\"").require("x", Optional.of("\"v3\""))).doesNotThrowAnyException();
        assertThatCode(() -> ifMatch("\"v1\", \"v3\"").require("x", Optional.of("\"v3\""))).doesNotThrowAnyException();
        assertThatCode(() -> ifMatch("*").require("x", Optional.of("\"v3\""))).doesNotThrowAnyException();
        assertThatThrownBy(() -> ifMatch("\"v2\"").require("x", Optional.of("\"v3\"")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(412));
        // Strong comparison: a weak tag never matches If-Match.
        assertThatThrownBy(() -> ifMatch("W/\"v3\"").require("x", Optional.of("\"v3\""))).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> ifMatch("*").require("subscriber 'a'", Optional.empty()))
                .hasMessage("subscriber 'a' does not exist, but If-Match * expected it to");
    }

    @Test
    void childRowsChangeTheTagEvenAtTheSameVersion() {
        assertThat(Preconditions.etag(3)).isEqualTo("\"v3\"");
        assertThat(Preconditions.etag(3, List.of("a@x", "b@x"))).startsWith("\"v3-")
                .isNotEqualTo(Preconditions.etag(3, List.of("a@x")))
                .isEqualTo(Preconditions.etag(3, List.of("a@x", "b@x")));
    }

    @Test
    void ifNoneMatchStarRefusesAnExistingRow() {
        assertThatCode(() -> ifNoneMatch("*").require("x", Optional.empty())).doesNotThrowAnyException();
        assertThatThrownBy(() -> ifNoneMatch("*").require("x", Optional.of("\"v1\""))).isInstanceOf(Problem.class);
        assertThat(ifNoneMatch("W/\"v4\"").notModified("\"v4\"")).isTrue();
        assertThat(ifNoneMatch("\"v4\"").notModified("\"v5\"")).isFalse();
        assertThat(Preconditions.NONE.notModified("\"v5\"")).isFalse();
    }
}
