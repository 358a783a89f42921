package io.callsign.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Contract: {@link TelephoneNumber#parse} returns a valid number or throws NotATelephoneNumberException. */
class TelephoneNumberFuzzTest {

    private static final Pattern CANONICAL = Pattern.compile("[#*]?[0-9]{1,15}");

    private static final String[] PIECES = {"sip:", "sips:", "tel:", "SIP:", "<", ">", "\"", "\\", ";", "@", ":", "%",
        "%2B", "%2b", "%", "+", "*", "#", "-", ".", "(", ")", " ", "\t", "1", "5", "0", "00", "011", "anonymous",
        "anonymous.invalid", ";phone-context=", "+1", "+33", ";user=phone", ";tag=", "ims.local", "alice", "é", "٣",
        "\uD83D\uDCDE", "\uD800", "\u0000", "\r\n", "=", "?", ",", "1234567890", "%ZZ", "%C3"};

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hundredThousandRandomInputsEitherParseOrAreRefusedWithTheDeclaredException() {
        Random random = new Random(20240601L);
        int parsed = 0;
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            String input = randomInput(random);
            String cc = random.nextInt(4) == 0 ? null : random.nextBoolean() ? "1" : "33";
            try {
                TelephoneNumber number = TelephoneNumber.parse(input, cc);
                if (!CANONICAL.matcher(number.digits()).matches()) {
                    broken.add(input + " -> " + number);
                }
                parsed++;
            } catch (NotATelephoneNumberException refused) {
                if (refused.getMessage() == null || refused.getMessage().isBlank()) {
                    broken.add(input + " -> no reason");
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(parsed).as("the generator must also produce valid numbers").isGreaterThan(1_000);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void hugeInputsAreRefusedQuickly() {
        for (String huge : new String[] {"1".repeat(1 << 20), "\"".repeat(1 << 20), "<".repeat(1 << 20),
            "sip:" + ";".repeat(2000) + "@h", "tel:1" + ";phone-context=+1".repeat(100)}) {
            try {
                TelephoneNumber.parse(huge, "1");
            } catch (NotATelephoneNumberException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    private static String randomInput(Random random) {
        StringBuilder out = new StringBuilder();
        int parts = 1 + random.nextInt(12);
        for (int p = 0; p < parts; p++) {
            switch (random.nextInt(4)) {
                case 0 -> out.append(PIECES[random.nextInt(PIECES.length)]);
                case 1 -> out.append(random.nextInt(1_000_000_000));
                case 2 -> out.appendCodePoint(random.nextInt(0x10FFFF));
                default -> out.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return out.toString();
    }
}
