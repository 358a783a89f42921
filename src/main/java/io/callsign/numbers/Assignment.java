package io.callsign.numbers;

/** Why a subscriber holds a number: its own row, or a block containing it. */
public sealed interface Assignment permits NumberAssignment, BlockAssignment {

    /** The subscriber holding the number. */
    String subscriberId();

    /** The subscriber's right to use the number (or block) was checked. */
    boolean verified();
}
