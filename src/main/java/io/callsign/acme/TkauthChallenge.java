package io.callsign.acme;

import java.util.Optional;

import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.toolbox.JSON;
import org.shredzone.acme4j.toolbox.JSONBuilder;

/**
 * RFC 9448 §4: the tkauth-01 challenge. Its response is {@code {"tkauth": <SPC token>}} POSTed to
 * the challenge URL, or {@code {"atc": ...}} for CAs that want that member (ACME-09).
 */
final class TkauthChallenge extends Challenge {

    static final String TYPE = "tkauth-01";

    private volatile String member;
    private volatile String token;

    TkauthChallenge(Login login, JSON data) {
        super(login, data);
    }

    /** {@code atc} for SHAKEN (ACME-08); other token types exist. */
    Optional<String> tkauthType() {
        return getJSON().get("tkauth-type").map(JSON.Value::asString);
    }

    void answerWith(String responseMember, String spcToken) {
        this.member = responseMember;
        this.token = spcToken;
    }

    @Override
    protected void prepareResponse(JSONBuilder response) {
        super.prepareResponse(response);
        if (token == null) {
            throw new IllegalStateException("tkauth-01 triggered before an SPC token was set");
        }
        response.put(member, token);
    }

    @Override
    protected boolean acceptable(String type) {
        return TYPE.equals(type);
    }
}
