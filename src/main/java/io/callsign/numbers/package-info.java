/**
 * Telephone numbers: canonical form (RFC 8224 §8.3) from whatever a SIP proxy hands over, and, built
 * on that, which subscriber holds which number.
 *
 * <p>{@link io.callsign.numbers.TelephoneNumber} and its parser are pure code with no I/O.
 */
package io.callsign.numbers;
