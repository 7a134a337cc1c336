package dev.gatehouse.token.authorize;

/**
 * An authorization request that fails after the client and redirect URI were found valid: the answer goes back to
 * the client's redirect URI (RFC 6749 §4.1.2.1) with {@code error}, {@code error_description}, {@code state} and
 * {@code iss} (RFC 9207).
 */
public final class AuthorizationError extends RuntimeException {

    private final transient AuthorizationRequest.Target target;
    private final String error;

    AuthorizationError(AuthorizationRequest.Target target, String error, String description) {
        super(description, null, false, false);
        this.target = target;
        this.error = error;
    }

    public AuthorizationRequest.Target target() {
        return target;
    }

    public String error() {
        return error;
    }
}
