package dev.gatehouse.token.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gatehouse.token.change.ChangeFeed;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients as the OAuth endpoints see them, held in memory so that a grant or an introspection reads nothing from
 * the database. Unknown client ids are remembered too, so an unknown client and a wrong secret cost the same.
 * <p>
 * An entry is dropped when the {@link ChangeFeed} announces a change to that client (from any replica), and
 * everything is dropped when the feed cannot vouch for what it missed; while it is down every lookup goes to the
 * database. A lookup that raced with a change is answered but not kept (the generation check), so the cache
 * never holds something older than the last announcement.
 */
@ApplicationScoped
public class ClientCache implements ChangeFeed.Subscriber {

    static final int MAX_ENTRIES = 10_000;
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final ClientRepository clients;
    private final ClientSecretRepository secrets;
    private final ChangeFeed feed;
    private final Cache<String, Optional<RegisteredClient>> entries = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES).expireAfterWrite(MAX_AGE).build();
    private final AtomicLong generation = new AtomicLong();

    public ClientCache(ClientRepository clients, ClientSecretRepository secrets, ChangeFeed feed) {
        this.clients = clients;
        this.secrets = secrets;
        this.feed = feed;
        feed.subscribe(this);
    }

    /** The client, or empty when there is no such client. */
    public Uni<Optional<RegisteredClient>> find(String clientId) {
        if (feed.isLive()) {
            Optional<RegisteredClient> cached = entries.getIfPresent(clientId);
            if (cached != null) {
                return Uni.createFrom().item(cached);
            }
        }
        long seen = generation.get();
        return load(clientId).invoke(loaded -> {
            if (feed.isLive() && generation.get() == seen) {
                entries.put(clientId, loaded);
            }
        });
    }

    /** Forgets one client now; the change feed does the same on every replica once the change commits. */
    public void invalidate(String clientId) {
        generation.incrementAndGet();
        entries.invalidate(clientId);
    }

    @Override
    public void changed(String kind, String payload) {
        if ("client".equals(kind)) {
            invalidate(payload);
        }
    }

    @Override
    public void resynchronize() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    private Uni<Optional<RegisteredClient>> load(String clientId) {
        return Panache.withSession(() -> clients.findById(clientId).chain(c -> c == null
                ? Uni.createFrom().item(Optional.<RegisteredClient>empty())
                : secrets.ofClient(clientId).map(s -> Optional.of(RegisteredClient.of(c, s)))));
    }
}
