package dev.gatehouse.token;

/** Names this service uses for itself in events. */
public final class TokenService {

    public static final String NAME = "token-service";

    private TokenService() {
    }
}
