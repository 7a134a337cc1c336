package dev.gatehouse.token.integration;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.IntegrationRevoked;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenRevoked;
import dev.gatehouse.outbox.GroupCommitOutbox;
import dev.gatehouse.token.SignInConfig;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.authorize.Consents;
import dev.gatehouse.token.refresh.RefreshTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/**
 * Revokes what a person approved for an app in a company, in one transaction: the approval is forgotten (the next
 * authorization asks again), the app's refresh tokens for the person there end, and {@code TokenRevoked} per grant
 * tells every service its access tokens are dead (they carry {@code grant_id}); {@code IntegrationRevoked} records
 * who did it.
 */
@ApplicationScoped
public class IntegrationRevocation {

    private final Pool pool;
    private final Consents consents;
    private final RefreshTokens refreshTokens;
    private final GroupCommitOutbox outbox;
    private final SignInConfig config;
    private final Clock clock;

    public IntegrationRevocation(Pool pool, Consents consents, RefreshTokens refreshTokens, GroupCommitOutbox outbox,
            SignInConfig config, Clock clock) {
        this.pool = pool;
        this.consents = consents;
        this.refreshTokens = refreshTokens;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Whether there was anything to revoke (an approval or a live grant); nothing happens when there was not. */
    Uni<Boolean> revoke(UUID accountId, String clientId, UUID companyId, Actor actor) {
        return Uni.createFrom().completionStage(() -> pool.withTransaction(connection -> Future.fromCompletionStage(
                revokeOn(connection, accountId, clientId, companyId, actor).subscribeAsCompletionStage()))
                .toCompletionStage());
    }

    private Uni<Boolean> revokeOn(SqlConnection connection, UUID accountId, String clientId, UUID companyId,
            Actor actor) {
        return consents.remove(connection, accountId, clientId, companyId).chain(approved -> refreshTokens
                .endIntegration(connection, accountId, clientId, companyId, "integration_revoked").chain(ended -> {
                    if (!approved && ended.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    Future<Void> all = outbox.appendOn(connection, EventEnvelope.of(TokenEvents.INTEGRATION_REVOKED,
                            TokenService.NAME, companyId, actor, accountId.toString(),
                            new IntegrationRevoked(accountId, clientId, companyId)));
                    for (RefreshTokens.Ended grant : ended) {
                        TokenRevoked revoked = TokenRevoked.grant(grant.clientId(), grant.familyId().toString(),
                                "integration_revoked", clock.instant().plus(config.accessTokenLifetime()));
                        EventEnvelope event = EventEnvelope.of(TokenEvents.TOKEN_REVOKED, TokenService.NAME,
                                companyId, actor, grant.familyId().toString(), revoked);
                        all = all.compose(x -> outbox.appendOn(connection, event));
                    }
                    return Uni.createFrom().completionStage(all.toCompletionStage()).replaceWith(true);
                }));
    }
}
