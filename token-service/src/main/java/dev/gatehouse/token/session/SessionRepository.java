package dev.gatehouse.token.session;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<SignInSession, UUID> {

    public Uni<SignInSession> byTokenHash(byte[] hash) {
        return find("tokenHash", hash).firstResult();
    }

    /** An account's sessions that have not ended or expired, newest first. */
    public Uni<List<SignInSession>> liveOf(UUID accountId, Instant now) {
        return list("accountId = ?1 and endedAt is null and expiresAt > ?2 order by createdAt desc", accountId, now);
    }
}
