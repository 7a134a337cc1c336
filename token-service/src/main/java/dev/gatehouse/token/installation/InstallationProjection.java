package dev.gatehouse.token.installation;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.apps.InstallationState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Applies installation events to token-service's copy. An event older than the stored revision changes nothing.
 * When an installation stops being active, every token issued for it so far stops being active too, and so do the
 * grants people gave the app there (their refresh tokens); a reinstall or turning the app on again brings none back.
 */
@ApplicationScoped
public class InstallationProjection {

    private final AppInstallationRepository installations;
    private final Clock clock;

    public InstallationProjection(AppInstallationRepository installations, Clock clock) {
        this.installations = installations;
        this.clock = clock;
    }

    /** Inside the consumer's transaction. */
    public Uni<Void> apply(InstallationState state) {
        return installations.findById(state.installationId()).chain(existing -> {
            if (existing != null && existing.revision >= state.revision()) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            AppInstallation i = existing == null ? new AppInstallation() : existing;
            boolean wasActive = existing != null && InstallationState.ACTIVE.equals(existing.status);
            i.installationId = state.installationId();
            i.clientId = state.clientId();
            i.companyId = state.companyId();
            i.appUserId = state.appUserId();
            i.status = state.status();
            i.revision = state.revision();
            i.state = write(state);
            i.updatedAt = now;
            if (existing == null) {
                // Tokens carry whole-second iat: tokens from this second on count.
                i.tokensValidAfter = now.truncatedTo(ChronoUnit.SECONDS);
            } else if (wasActive && !state.active()) {
                // A token issued in this very second must not survive: the cutoff is the next second.
                i.tokensValidAfter = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
                // The grants people gave the app here end too: turned back on, it must be authorized again.
                return installations.flush().chain(() -> endGrants(state.installationId(), now));
            }
            return existing == null ? installations.persistAndFlush(i).replaceWithVoid() : installations.flush();
        });
    }

    private static Uni<Void> endGrants(UUID installationId, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update refresh_family set ended_at = :now, end_reason = 'installation_inactive'
                        where installation_id = :installation and ended_at is null""")
                .setParameter("now", now).setParameter("installation", installationId).executeUpdate())
                .replaceWithVoid();
    }

    static String write(InstallationState state) {
        try {
            return EventJson.mapper().writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InstallationState read(String json) {
        try {
            return EventJson.mapper().readValue(json, InstallationState.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
