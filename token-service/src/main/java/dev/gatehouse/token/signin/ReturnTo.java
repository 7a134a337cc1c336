package dev.gatehouse.token.signin;

import io.netty.handler.codec.http.QueryStringDecoder;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Where the sign-in page sends the browser afterwards: only back to this server's authorization endpoint, as a
 * relative URI, so the page can never be used to send someone elsewhere (an open redirect).
 */
public final class ReturnTo {

    public static final String AUTHORIZE = "/oauth2/authorize?";
    static final int MAX_LENGTH = 8000;

    private ReturnTo() {
    }

    /** {@code value} if it is an authorization request on this server; empty otherwise. */
    public static Optional<String> valid(String value) {
        if (value == null || value.length() > MAX_LENGTH || !value.startsWith(AUTHORIZE)
                || value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(value);
            return uri.isAbsolute() || uri.getRawAuthority() != null ? Optional.empty() : Optional.of(value);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The client the authorization request names, to say on the page which application asked. */
    static Optional<String> clientId(String returnTo) {
        List<String> ids = new QueryStringDecoder(returnTo).parameters().get("client_id");
        return ids == null || ids.size() != 1 ? Optional.empty() : Optional.of(ids.get(0));
    }
}
