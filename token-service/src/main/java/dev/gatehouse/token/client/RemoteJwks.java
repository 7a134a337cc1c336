package dev.gatehouse.token.client;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clients' JWK Sets served at their {@code jwks_uri}, fetched without blocking and cached for a few minutes; a
 * key id not in the cached set forces a refetch (at most every 30 s per URL), so a client's key rotation works
 * at once.
 */
@ApplicationScoped
public class RemoteJwks {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Duration MIN_REFETCH = Duration.ofSeconds(30);
    private static final int MAX_BYTES = 64 * 1024;

    private record Cached(List<JsonWebKey> keys, long fetchedAt) {
    }

    private final WebClient http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public RemoteJwks(Vertx vertx) {
        this.http = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(3000).setIdleTimeout(10)
                .setFollowRedirects(false).setUserAgent("gatehouse-token-service"));
    }

    /** The keys at {@code uri}; refetched when stale or when none has {@code kid}. */
    public Uni<List<JsonWebKey>> keys(String uri, String kid) {
        long now = System.nanoTime();
        Cached cached = cache.get(uri);
        boolean fresh = cached != null && now - cached.fetchedAt() < TTL.toNanos();
        boolean knowsKid = cached != null && (kid == null
                || cached.keys().stream().anyMatch(k -> kid.equals(k.getKeyId())));
        boolean mayRefetch = cached == null || now - cached.fetchedAt() >= MIN_REFETCH.toNanos();
        if (fresh && (knowsKid || !mayRefetch)) {
            return Uni.createFrom().item(cached.keys());
        }
        return fetch(uri).invoke(keys -> cache.put(uri, new Cached(keys, System.nanoTime())));
    }

    private Uni<List<JsonWebKey>> fetch(String uri) {
        return http.getAbs(uri).timeout(5000).send()
                .map(response -> {
                    if (response.statusCode() != 200 || response.body() == null
                            || response.body().length() > MAX_BYTES) {
                        throw new IllegalStateException("jwks_uri answered " + response.statusCode());
                    }
                    try {
                        return new JsonWebKeySet(response.bodyAsString()).getJsonWebKeys();
                    } catch (JoseException e) {
                        throw new IllegalStateException("jwks_uri did not serve a JWK Set", e);
                    }
                });
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
