package dev.gatehouse.token.oauth;

import dev.gatehouse.token.error.OAuthError;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.List;
import java.util.Optional;

/**
 * A form-encoded OAuth request's parameters. RFC 6749 §3.2: parameters must not be repeated and an empty value
 * counts as absent.
 */
public record OAuthForm(MultivaluedMap<String, String> values) {

    /** The single value of {@code name}; {@code invalid_request} if it is repeated. */
    public Optional<String> get(String name) {
        List<String> all = values == null ? null : values.get(name);
        if (all == null || all.isEmpty()) {
            return Optional.empty();
        }
        if (all.size() > 1) {
            throw OAuthError.INVALID_REQUEST.because("Parameter '" + name + "' is repeated");
        }
        String value = all.get(0);
        // No OAuth parameter may hold NUL (RFC 6749 Appendix A: printable characters), and nothing here could
        // store or compare it safely.
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw OAuthError.INVALID_REQUEST.because("Parameter '" + name + "' must not contain the NUL character");
        }
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public String require(String name) {
        return get(name).orElseThrow(() -> OAuthError.INVALID_REQUEST.because("Missing parameter '" + name + "'"));
    }
}
