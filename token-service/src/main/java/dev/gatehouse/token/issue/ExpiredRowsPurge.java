package dev.gatehouse.token.issue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Deletes rows that only matter until a token or assertion would have expired anyway: individually revoked tokens
 * and the client-assertion ids kept against replay.
 */
@ApplicationScoped
public class ExpiredRowsPurge {

    @Scheduled(every = "10m", delayed = "2m")
    Uni<Void> purge() {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("delete from revoked_token where expires_at < :now").setParameter("now", now)
                .executeUpdate()
                .chain(() -> s.createNativeQuery("delete from client_assertion_jti where expires_at < :now")
                        .setParameter("now", now).executeUpdate())))
                .replaceWithVoid();
    }
}
