package dev.gatehouse.token.oidc;

import dev.gatehouse.token.oauth.FirstPartyScopes;

import java.util.List;
import java.util.function.BiConsumer;

/** The claims the {@code profile} and {@code email} scopes release (OpenID Connect Core §5.4), in one place. */
final class UserInfoClaims {

    private UserInfoClaims() {
    }

    static void add(BiConsumer<String, Object> claims, IdTokens.Subject subject, List<String> scopes) {
        if (scopes.contains(FirstPartyScopes.EMAIL)) {
            claims.accept("email", subject.email());
            claims.accept("email_verified", subject.emailVerified());
        }
        if (scopes.contains(FirstPartyScopes.PROFILE) && subject.name() != null) {
            claims.accept("name", subject.name());
        }
    }
}
