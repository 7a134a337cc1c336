package dev.gatehouse.token.authorize;

/**
 * An authorization request whose client or redirect URI is missing or wrong: nothing may be sent to the redirect
 * URI (it could be an attacker's), so the person sees an error page instead (RFC 6749 §4.1.2.1).
 */
public final class InvalidClientRequest extends RuntimeException {

    InvalidClientRequest(String message) {
        super(message, null, false, false);
    }
}
