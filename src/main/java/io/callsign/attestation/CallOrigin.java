package io.callsign.attestation;

import io.callsign.numbers.IpLiteral;
import java.net.InetAddress;

/**
 * Where a call came from, as the proxy reports it in a sign request. Every field may be absent.
 *
 * @param trunk      ingress trunk name ({@code trunk}); preferred over the source address when provisioned
 * @param sourceIp   where the INVITE came from ({@code sourceIp}); matched to trunks by longest CIDR
 * @param authUser   the digest-authenticated user ({@code authUser}), e.g. alice@ims.local
 * @param registered the proxy found that the request came from a contact registered for {@code fromAor}
 * @param fromAor    the caller's address of record (From URI, user@host); used only when {@code registered} and no {@code authUser}
 */
public record CallOrigin(String trunk, InetAddress sourceIp, String authUser, boolean registered, String fromAor) {

    public CallOrigin {
        trunk = blankToNull(trunk);
        authUser = blankToNull(authUser);
        fromAor = blankToNull(fromAor);
    }

    /** From request fields: {@code sourceIp} must be an IP literal (never resolved) or null. */
    public static CallOrigin of(String trunk, String sourceIp, String authUser, Boolean registered, String fromAor) {
        InetAddress source = blankToNull(sourceIp) == null ? null : IpLiteral.parse(sourceIp);
        return new CallOrigin(trunk, source, authUser, Boolean.TRUE.equals(registered), fromAor);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
