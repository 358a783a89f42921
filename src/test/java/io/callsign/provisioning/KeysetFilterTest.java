package io.callsign.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The WHERE clause of list routes and the digit-prefix range that lets the index serve it. */
class KeysetFilterTest {

    @Test
    void theSuccessorOfADigitPrefixBoundsItsRange() {
        assertThat(KeysetFilter.successor("1514")).contains("1515");
        assertThat(KeysetFilter.successor("1519")).contains("152");
        assertThat(KeysetFilter.successor("1999")).contains("2");
        assertThat(KeysetFilter.successor("99")).isEmpty();
    }

    @Test
    void buildsOnlyTheConditionsPresentWithParametersInOrder() {
        KeysetFilter filter = new KeysetFilter()
                .whereIf(Optional.of("100"), "tn > ?")
                .whereIf(Optional.empty(), "subscriber_id = ?")
                .digitPrefix("tn", Optional.of("19"));
        assertThat(filter.clause("tn", 11)).isEqualTo("WHERE tn > ? AND tn >= ? AND tn < ? AND tn LIKE ? ORDER BY tn LIMIT ?");
        assertThat(filter.parameters()).containsExactly("100", "19", "2", "19%", 11);
        assertThat(new KeysetFilter().clause("id", 5)).isEqualTo("ORDER BY id LIMIT ?");
    }
}
