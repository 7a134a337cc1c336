package dev.gatehouse.token.error;

import java.time.Duration;
import java.util.Optional;

/** An OAuth protocol error, answered with an RFC 6749 §5.2 body. */
public class OAuthException extends RuntimeException {

    private final OAuthError error;
    private final Duration retryAfter;

    public OAuthException(OAuthError error, String description) {
        this(error, description, null);
    }

    public OAuthException(OAuthError error, String description, Duration retryAfter) {
        super(description, null, false, false);
        this.error = error;
        this.retryAfter = retryAfter;
    }

    /** For {@link OAuthError#SLOW_DOWN}: how long to wait. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public OAuthError error() {
        return error;
    }
}
