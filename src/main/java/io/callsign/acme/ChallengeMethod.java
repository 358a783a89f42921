package io.callsign.acme;

import java.util.Arrays;
import java.util.Locale;

/** How we prove control of the identifier to the CA. */
public enum ChallengeMethod {
    /** RFC 8555 §8.3: a token served at {@code /.well-known/acme-challenge/} on port 80. */
    HTTP_01("http-01"),
    /** RFC 8555 §8.4: a TXT record published by an operator-supplied hook command. */
    DNS_01("dns-01"),
    /** RFC 9447/9448: an SPC token from the STI-PA proves the right to a TNAuthList (SHAKEN). */
    TKAUTH_01("tkauth-01");

    private final String wireName;

    ChallengeMethod(String wireName) {
        this.wireName = wireName;
    }

    /** The challenge type as the ACME server writes it. */
    public String wireName() {
        return wireName;
    }

    /** Parses {@code http-01}, {@code dns-01} or {@code tkauth-01} (case-insensitive). */
    public static ChallengeMethod parse(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(method -> method.wireName.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ACME challenge type '" + value
                        + "': use http-01, dns-01 or tkauth-01"));
    }
}
