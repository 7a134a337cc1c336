package dev.gatehouse.revocation;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;

/**
 * Refuses a bearer token that token-service revoked, after quarkus-oidc has checked its signature and expiry: the
 * request fails authentication (401, {@code Bearer error="invalid_token"}) as for any other dead token. One map
 * lookup per request; nothing is asked of token-service.
 */
@ApplicationScoped
public class DeadTokenAugmentor implements SecurityIdentityAugmentor {

    private final RevocationFeed feed;

    public DeadTokenAugmentor(RevocationFeed feed) {
        this.feed = feed;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            Instant issuedAt = jwt.getIssuedAtTime() > 0 ? Instant.ofEpochSecond(jwt.getIssuedAtTime()) : null;
            if (feed.isDead(text(jwt.getClaim("client_id")), jwt.getSubject(), jwt.getTokenID(),
                    text(jwt.getClaim("grant_id")), issuedAt)) {
                return Uni.createFrom().failure(new AuthenticationFailedException("the access token has been revoked"));
            }
        }
        return Uni.createFrom().item(identity);
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        return claim instanceof jakarta.json.JsonString json ? json.getString() : claim.toString();
    }
}
