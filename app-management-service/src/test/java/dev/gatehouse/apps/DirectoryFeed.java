package dev.gatehouse.apps;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.directory.CompanyCreated;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.events.directory.ProjectCreated;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.Sql;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * The directory as app-management hears it: companies and projects sent as directory-service's events to the real
 * broker, then awaited in this service's own copy.
 */
public final class DirectoryFeed {

    public static final Actor DIRECTORY_ADMIN = new Actor(Actor.USER, "directory-admin-fixture");
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final String bootstrap;
    private final DataSource dataSource;

    public DirectoryFeed(String bootstrap, DataSource dataSource) {
        this.bootstrap = bootstrap;
        this.dataSource = dataSource;
    }

    public UUID company() {
        return company(null);
    }

    /** A company as directory-service announces it, named {@code name} (default "Company &lt;id&gt;"). */
    public UUID company(String name) {
        UUID id = UUID.randomUUID();
        EventSender.send(bootstrap, Topics.DIRECTORY_COMPANY, EventEnvelope.of(DirectoryEvents.COMPANY_CREATED,
                "directory-service", id, DIRECTORY_ADMIN, id.toString(),
                new CompanyCreated(id, name == null ? "Company " + id : name)));
        await("select count(*) from company where id = ?", id);
        return id;
    }

    public UUID project(UUID companyId) {
        return project(companyId, null);
    }

    public UUID project(UUID companyId, String name) {
        UUID id = UUID.randomUUID();
        EventSender.send(bootstrap, Topics.DIRECTORY_PROJECT, EventEnvelope.of(DirectoryEvents.PROJECT_CREATED,
                "directory-service", companyId, DIRECTORY_ADMIN, id.toString(),
                new ProjectCreated(id, companyId, name == null ? "Project " + id : name)));
        await("select count(*) from project where id = ?", id);
        return id;
    }

    private void await(String sql, UUID id) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        try {
            while (Sql.count(dataSource, sql, id) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("app-management did not take in " + id + " within " + DEADLINE);
                }
                Thread.sleep(20);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
