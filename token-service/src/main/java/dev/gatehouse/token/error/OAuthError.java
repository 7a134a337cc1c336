package dev.gatehouse.token.error;

/** The error codes of RFC 6749 §5.2 (token endpoint), RFC 7009 §2.2.1 and the HTTP status each is sent with. */
public enum OAuthError {
    INVALID_REQUEST("invalid_request", 400),
    /** RFC 6749 §5.2: 401, with a WWW-Authenticate challenge. */
    INVALID_CLIENT("invalid_client", 401),
    INVALID_GRANT("invalid_grant", 400),
    UNAUTHORIZED_CLIENT("unauthorized_client", 400),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    INVALID_SCOPE("invalid_scope", 400),
    /**
     * RFC 8707 §2: the requested resource (here: the company, by {@code resource} or {@code company_id}) is not one
     * this client may get a token for; registered in the OAuth extensions error registry of RFC 6749 §11.4.
     */
    INVALID_TARGET("invalid_target", 400),
    /** RFC 7009 §2.2.1. */
    UNSUPPORTED_TOKEN_TYPE("unsupported_token_type", 400),
    /**
     * Too many failed authentications: 429 with Retry-After. RFC 6749 has no code for this; {@code slow_down} is
     * the registered OAuth error (RFC 8628 §3.5) closest in meaning.
     */
    SLOW_DOWN("slow_down", 429);

    private final String code;
    private final int status;

    OAuthError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public OAuthException because(String description) {
        return new OAuthException(this, description);
    }
}
