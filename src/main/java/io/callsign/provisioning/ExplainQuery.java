package io.callsign.provisioning;

import java.util.Optional;

/**
 * The facts of a hypothetical call for {@code GET /v1/explain}: what the attestation policy would
 * decide for them, and why. The same facts a proxy passes to {@code /v1/sign}.
 *
 * @param tn         calling number, E.164 digits
 * @param trunk      ingress trunk name, if any
 * @param sourceIp   where the INVITE came from, an IP literal, if given
 * @param authUser   digest-authenticated user, if any
 * @param registered whether the proxy found the caller registered
 * @param fromAor    the caller's address of record (user@host), which identifies a registered caller
 *                   that did not authenticate
 */
public record ExplainQuery(String tn, Optional<String> trunk, Optional<String> sourceIp, Optional<String> authUser,
        boolean registered, Optional<String> fromAor) {
}
