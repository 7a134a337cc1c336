package dev.gatehouse.token.oauth;

/** The grant types this server knows (RFC 6749 §1.3), by their registered names. */
public final class GrantTypes {

    /** RFC 6749 §4.4: a client acting for itself. */
    public static final String CLIENT_CREDENTIALS = "client_credentials";

    /** RFC 6749 §4.1: a person signs in and the client exchanges the code it got for tokens. */
    public static final String AUTHORIZATION_CODE = "authorization_code";

    /** RFC 6749 §6: a new access token for the same grant, without the person. */
    public static final String REFRESH_TOKEN = "refresh_token";

    private GrantTypes() {
    }
}
