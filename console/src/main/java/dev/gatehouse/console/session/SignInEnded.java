package dev.gatehouse.console.session;

/**
 * token-service no longer honours the sign-in behind a console session (signed out elsewhere, account disabled,
 * password changed, refresh token expired): the person must sign in again (RFC 6749 §5.2 {@code invalid_grant}).
 */
public class SignInEnded extends RuntimeException {

    public SignInEnded(String message) {
        super(message, null, false, false);
    }
}
