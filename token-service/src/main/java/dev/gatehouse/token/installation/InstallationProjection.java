package dev.gatehouse.token.installation;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.apps.InstallationState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Applies installation events to token-service's copy. An event older than the stored revision changes nothing.
 * When an installation stops being active, every token issued for it so far stops being active too, and a
 * reinstall does not bring them back.
 */
@ApplicationScoped
public class InstallationProjection {

    private final AppInstallationRepository installations;

    public InstallationProjection(AppInstallationRepository installations) {
        this.installations = installations;
    }

    /** Inside the consumer's transaction. */
    public Uni<Void> apply(InstallationState state) {
        return installations.findById(state.installationId()).chain(existing -> {
            if (existing != null && existing.revision >= state.revision()) {
                return Uni.createFrom().voidItem();
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
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
            }
            return existing == null ? installations.persistAndFlush(i).replaceWithVoid() : installations.flush();
        });
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
