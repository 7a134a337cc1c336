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
 * This service's copy of people's roles in companies, read from directory-service's announcements and kept as they
 * change, so a person's token is judged by what they may do now: a role taken away counts here within moments,
 * without waiting for the token to expire. {@link PersonRolesAugmentor} asks it about every person's token.
 */
@ApplicationScoped
public class PeopleFeed {

    private final CompanyRoleBook companyRoles = new CompanyRoleBook();
    private final CompanyRoleReader reader;
    private final FeedThread thread;

    public PeopleFeed(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, RevocationConfig config) {
        this.reader = new CompanyRoleReader(kafkaConfig, new FeedReader.Timing(config.pollTimeout(),
                config.maxBackoff(), config.partitionCheckInterval()), companyRoles, Clock.systemUTC());
        this.thread = new FeedThread(reader, "gatehouse-company-role-feed");
    }

    void onStart(@Observes StartupEvent event) {
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        thread.stop();
    }

    /** {@code company_admin} or {@code company_member}, or empty when the account is no one in the company. */
    public Optional<String> companyRole(UUID companyId, UUID accountId) {
        return companyRoles.roleOf(companyId, accountId);
    }

    public boolean caughtUp() {
        return reader.caughtUp();
    }

    public int companyRoles() {
        return companyRoles.size();
    }
}
