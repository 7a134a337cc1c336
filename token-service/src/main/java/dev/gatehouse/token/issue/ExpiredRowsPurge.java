package dev.gatehouse.token.issue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * Deletes rows that only matter until a token or assertion would have expired anyway: individually revoked tokens
 * and the client-assertion ids kept against replay; and people's sign-in rows once they can matter no more:
 * authorization codes a day after they expired (a replay within that day still ends what the code gave), refresh
 * grants past their last possible use or ended a day ago, sessions over for 30 days, and invitations 30 days after
 * their link expired, password reset links a day after theirs (their history stays in the audit trail as events; an
 * old link then reads "not valid"), and consent pages a day after they expired.
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
                        .setParameter("now", now).executeUpdate())
                .chain(() -> s.createNativeQuery("delete from authorization_code where expires_at < :before")
                        .setParameter("before", now.minus(Duration.ofDays(1))).executeUpdate())
                .chain(() -> s.createNativeQuery("delete from refresh_family where absolute_expires_at < :now "
                        + "or expires_at < :now or ended_at < :before").setParameter("now", now)
                        .setParameter("before", now.minus(Duration.ofDays(1))).executeUpdate())
                .chain(() -> s.createNativeQuery("delete from sign_in_session where expires_at < :before "
                        + "or ended_at < :before").setParameter("before", now.minus(Duration.ofDays(30)))
                        .executeUpdate())
                .chain(() -> s.createNativeQuery("delete from invitation where expires_at < :before")
                        .setParameter("before", now.minus(Duration.ofDays(30))).executeUpdate())
                .chain(() -> s.createNativeQuery("delete from password_reset where expires_at < :before")
                        .setParameter("before", now.minus(Duration.ofDays(1))).executeUpdate())
                .chain(() -> s.createNativeQuery("delete from consent_request where expires_at < :before")
                        .setParameter("before", now.minus(Duration.ofDays(1))).executeUpdate())))
                .replaceWithVoid();
    }
}
