package dev.gatehouse.people;

import dev.gatehouse.feed.FeedReader;
import dev.gatehouse.feed.FeedThread;
import dev.gatehouse.revocation.RevocationConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * This service's copy of people's roles in companies and developer organizations, read from directory-service's and
 * app-management-service's announcements and kept as they change, so a person's token is judged by what they may do
 * now: a role taken away counts here within moments, without waiting for the token to expire. {@link
 * PersonRolesAugmentor} asks it about every person's token.
 */
@ApplicationScoped
public class PeopleFeed {

    private final RoleBook roles = new RoleBook();
    private final RoleReader reader;
    private final FeedThread thread;

    public PeopleFeed(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, RevocationConfig config) {
        this.reader = new RoleReader(kafkaConfig, new FeedReader.Timing(config.pollTimeout(),
                config.maxBackoff(), config.partitionCheckInterval()), roles, Clock.systemUTC());
        this.thread = new FeedThread(reader, "gatehouse-people-feed");
    }

    void onStart(@Observes StartupEvent event) {
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        thread.stop();
    }

    /** {@code company_admin} or {@code company_member}, or empty when the account is no one in the company. */
    public Optional<RoleBook.CompanyRole> companyRole(UUID companyId, UUID accountId) {
        return roles.companyRole(companyId, accountId);
    }

    /** {@code owner} or {@code developer}, or empty when the account is no one in the organization. */
    public Optional<String> developerRole(UUID developerOrgId, UUID accountId) {
        return roles.developerRole(developerOrgId, accountId);
    }

    public boolean caughtUp() {
        return reader.caughtUp();
    }

    public int roles() {
        return roles.size();
    }
}
