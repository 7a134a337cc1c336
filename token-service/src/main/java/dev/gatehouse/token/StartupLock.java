package dev.gatehouse.token;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Serializes what every replica does once at start (creating the first platform-admin client and person): several
 * replicas starting together on an empty database would otherwise both find nothing and both insert, and one would
 * fail its start. A transaction-level advisory lock (held until the transaction ends) makes the second wait and then
 * find what the first made.
 */
public final class StartupLock {

    private static final String LOCK =
            "select 1 from (select pg_advisory_xact_lock(hashtext('gatehouse-token-startup'))) l";

    private StartupLock() {
    }

    /** Takes the lock in the current transaction; call first inside {@code Panache.withTransaction}. */
    public static Uni<Void> acquire() {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK).getSingleResult())
                .replaceWithVoid();
    }
}
