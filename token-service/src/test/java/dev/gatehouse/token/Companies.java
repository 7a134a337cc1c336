package dev.gatehouse.token;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.directory.CompanyCreated;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Makes a company exist for token-service as directory-service would: its {@code CompanyCreated} on the real
 * broker, then waits until token-service has taken it in. Service accounts can only be made for such companies.
 */
public final class Companies {

    private static final Set<UUID> KNOWN = ConcurrentHashMap.newKeySet();

    private Companies() {
    }

    public static UUID known(UUID company) {
        if (KNOWN.contains(company)) {
            return company;
        }
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        EventSender.send(bootstrap, Topics.DIRECTORY_COMPANY, EventEnvelope.of(DirectoryEvents.COMPANY_CREATED,
                "directory-service", company, Actor.system("directory-service"), company.toString(),
                new CompanyCreated(company, "Company " + company)));
        AgroalDataSource db = Arc.container().instance(AgroalDataSource.class).get();
        await().atMost(30, TimeUnit.SECONDS).pollInterval(20, TimeUnit.MILLISECONDS).until(() ->
                Sql.count(db, "select count(*) from known_company where id = ?", company) == 1);
        KNOWN.add(company);
        return company;
    }
}
