package dev.gatehouse.token.grant;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenIssued;
import dev.gatehouse.outbox.GroupCommitOutbox;
import dev.gatehouse.people.PeopleFeed;
import dev.gatehouse.token.SignInConfig;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.client.RegisteredClient;
import dev.gatehouse.token.error.OAuthError;
import dev.gatehouse.token.issue.AccessToken;
import dev.gatehouse.token.issue.AccessTokenIssuer;
import dev.gatehouse.token.installation.InstallationTokens;
import dev.gatehouse.token.issue.TokenResponse;
import dev.gatehouse.token.oauth.ActingIn;
import dev.gatehouse.token.oauth.FirstPartyScopes;
import dev.gatehouse.token.oidc.IdTokens;
import dev.gatehouse.web.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person's tokens from a sign-in grant (authorization code or refresh): the access token ({@code sub} = the
 * account, {@code sid} = the sign-in session, {@code grant_id} = the grant, {@code platform_admin} only for
 * platform admins), the ID token for OpenID Connect requests, and the {@code TokenIssued} event, written on the
 * caller's connection so it commits with the code's redemption or the refresh token's rotation.
 */
@ApplicationScoped
public class PersonTokens {

    static final String PLATFORM_ADMIN = "platform_admin";

    /** Who the tokens are for, read with the grant in the same statement. */
    record Person(UUID accountId, boolean platformAdmin, String email, boolean emailVerified, String name) {
    }

    /**
     * The grant the tokens come from, and the company or organization the access token is to act in; for an app
     * acting for the person, the installation it acts through ({@code delegation}, else null).
     */
    record Grant(UUID familyId, UUID sessionId, List<String> scopes, Instant authTime, String amr,
            String nonce, ActingIn actingIn, Delegation delegation) {

        Grant(UUID familyId, UUID sessionId, List<String> scopes, Instant authTime, String amr, String nonce,
                ActingIn actingIn) {
            this(familyId, sessionId, scopes, authTime, amr, nonce, actingIn, null);
        }
    }

    /** An app acting for the person in one company, through its installation there and that one's app user. */
    record Delegation(UUID companyId, UUID installationId, UUID appUserId) {
    }

    private final AccessTokenIssuer issuer;
    private final IdTokens idTokens;
    private final GroupCommitOutbox outbox;
    private final SignInConfig config;
    private final PeopleFeed people;

    public PersonTokens(AccessTokenIssuer issuer, IdTokens idTokens, GroupCommitOutbox outbox, SignInConfig config,
            PeopleFeed people) {
        this.issuer = issuer;
        this.idTokens = idTokens;
        this.outbox = outbox;
        this.config = config;
        this.people = people;
    }

    /**
     * Refuses a company or developer organization the person is no one in ({@code invalid_target}, RFC 8707 §2), as
     * directory-service or app-management-service last said. The token carries only {@code company_id} or
     * {@code developer_org_id}: what the person may do there is looked up by each service on each call, so this
     * check only spares them a token that would be refused everywhere. Thrown inside the grant's transaction, it
     * rolls back the code's redemption or the refresh token's rotation.
     */
    private void requireRoleIn(ActingIn actingIn, UUID accountId) {
        if (actingIn.company().isPresent() && people.companyRole(actingIn.company().get(), accountId).isEmpty()) {
            throw OAuthError.INVALID_TARGET.because("You are not a member of company " + actingIn.company().get());
        }
        if (actingIn.developerOrg().isPresent()
                && people.developerRole(actingIn.developerOrg().get(), accountId).isEmpty()) {
            throw OAuthError.INVALID_TARGET.because("You are not a member of developer organization "
                    + actingIn.developerOrg().get());
        }
    }

    /** Tokens made and their {@code TokenIssued} event, for the caller to write in its transaction. */
    record Issued(TokenResponse response, EventEnvelope event) {
    }

    Uni<TokenResponse> issue(SqlClient sql, RegisteredClient client, Person person, Grant grant,
            String refreshToken, String grantType) {
        Issued issued = prepare(client, person, grant, refreshToken, grantType);
        return Uni.createFrom().completionStage(() -> outbox.appendOn(sql, issued.event()).toCompletionStage())
                .replaceWith(issued.response());
    }

    /** Signs the tokens; {@code invalid_target} (thrown) for a company or organization the person is no one in. */
    Issued prepare(RegisteredClient client, Person person, Grant grant, String refreshToken, String grantType) {
        requireRoleIn(grant.actingIn(), person.accountId());
        Map<String, Object> claims = new LinkedHashMap<>();
        grant.actingIn().developerOrg().ifPresent(org -> claims.put("developer_org_id", org.toString()));
        // How the person signed in, for services that ask more of some roles (a company requiring a second factor
        // of its admins): the same value as the ID token's acr.
        claims.put("acr", IdTokens.acr(grant.amr()));
        if (grant.sessionId() != null) {
            claims.put("sid", grant.sessionId().toString());
        }
        claims.put("grant_id", grant.familyId().toString());
        List<String> roles = person.platformAdmin() ? List.of(PLATFORM_ADMIN) : List.of();
        if (grant.delegation() != null) {
            // docs/security.md, "Apps acting for people": sub is the person, the app is the authorized party
            // (OIDC Core §2 azp) and the actor (RFC 8693 §4.1 act, as its installation's app user); never the
            // person's platform role, and no sign-in session: the approval outlives it.
            claims.remove("sid");
            claims.put("azp", client.clientId());
            claims.put(InstallationTokens.INSTALLATION_ID, grant.delegation().installationId().toString());
            claims.put("act", Map.of("sub", grant.delegation().appUserId().toString()));
            roles = List.of(Roles.DELEGATED_APP);
        }
        AccessToken token = issuer.issue(client.clientId(), person.accountId().toString(),
                grant.actingIn().company().orElse(null), grant.scopes(), roles,
                (int) config.accessTokenLifetime().toSeconds(), client.signingAlgorithm(), claims);
        String idToken = grant.scopes().contains(FirstPartyScopes.OPENID)
                ? idTokens.issue(client.clientId(), client.signingAlgorithm(), new IdTokens.Subject(
                        person.accountId().toString(), person.email(), person.emailVerified(), person.name(),
                        grant.authTime(), grant.amr(), grant.sessionId() == null ? null : grant.sessionId().toString()),
                        grant.scopes(), grant.nonce(), token.value())
                : null;
        EventEnvelope event = EventEnvelope.of(TokenEvents.TOKEN_ISSUED, TokenService.NAME,
                grant.actingIn().company().orElse(null),
                new Actor(Actor.USER, person.accountId().toString()), client.clientId(),
                new TokenIssued(client.clientId(), token.subject(), grant.delegation() == null ? null
                        : grant.delegation().companyId(), token.scopes(), token.jti(), token.expiresAt(), grantType,
                        grant.delegation() == null ? null : grant.delegation().installationId(),
                        person.accountId(), grant.delegation() == null ? TokenIssued.KIND_PERSON
                                : TokenIssued.KIND_USER_DELEGATED));
        return new Issued(TokenResponse.of(token).withPersonTokens(refreshToken, idToken), event);
    }
}
