package dev.gatehouse.token.oauth;

/** The grant types this server knows (RFC 6749 §1.3), by their registered names. */
public final class GrantTypes {

    /** RFC 6749 §4.4: a client acting for itself. */
    public static final String CLIENT_CREDENTIALS = "client_credentials";

    private GrantTypes() {
    }
}
