package dev.gatehouse.token.oauth;

import java.util.List;

/**
 * The OpenID Connect scopes (OIDC Core §5.4, §11) a person's sign-in can ask for. {@code openid} makes it an
 * OpenID Connect request (an ID token comes back); {@code profile} and {@code email} add those claims to the ID
 * token and userinfo; {@code offline_access} is accepted, though every sign-in client gets a refresh token anyway.
 */
public final class FirstPartyScopes {

    public static final String OPENID = "openid";
    public static final String PROFILE = "profile";
    public static final String EMAIL = "email";
    public static final String OFFLINE_ACCESS = "offline_access";
    public static final List<String> ALL = List.of(OPENID, PROFILE, EMAIL, OFFLINE_ACCESS);

    private FirstPartyScopes() {
    }
}
