package dev.gatehouse.token.error;

/** An OAuth protocol error, answered with an RFC 6749 §5.2 body. */
public class OAuthException extends RuntimeException {

    private final OAuthError error;

    public OAuthException(OAuthError error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public OAuthError error() {
        return error;
    }
}
