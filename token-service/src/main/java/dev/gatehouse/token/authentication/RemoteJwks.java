package dev.gatehouse.token.authentication;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gatehouse.token.TokenConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Clients' JWK Sets served at their {@code jwks_uri}, fetched without blocking and cached for a few minutes; a
 * key id not in the cached set forces a refetch (at most every 30 s per URL), so a client's key rotation works
 * at once.
 * <p>
 * The URL is the client's choice, so the fetch is guarded: the host must resolve only to public addresses
 * ({@link TargetAddresses}), and token-service connects to the address it checked; the body is read as a stream
 * and abandoned past 64 KiB; the whole fetch, connecting included, has a 5-second deadline; a failure is
 * remembered for 30 seconds, so a client cannot make every attempt cost a fetch; and at most 10,000 URLs are
 * remembered. Residual risk: docs/security.md.
 */
@ApplicationScoped
public class RemoteJwks {

    static final int MAX_BYTES = 64 * 1024;
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Duration MIN_REFETCH = Duration.ofSeconds(30);
    private static final Duration FAILURE_TTL = Duration.ofSeconds(30);
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    /** A fetch's outcome: keys, or why there are none. */
    private record Cached(List<JsonWebKey> keys, String failure, long fetchedAt) {
    }

    /** Why a JWK Set could not be had; the client's authentication fails with {@code jwks_unavailable}. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Vertx vertx;
    private final HttpClient http;
    private final boolean allowLoopback;
    private final Cache<String, Cached> cache = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(1)).build();

    public RemoteJwks(Vertx vertx, TokenConfig config) {
        this.vertx = vertx;
        this.allowLoopback = config.jwksUriAllowLoopback();
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(3000).setIdleTimeout(5)
                .setVerifyHost(true).setMaxPoolSize(16));
    }

    /** The keys at {@code uri}; refetched when stale or when none has {@code kid}. */
    public Uni<List<JsonWebKey>> keys(String uri, String kid) {
        long now = System.nanoTime();
        Cached cached = cache.getIfPresent(uri);
        if (cached != null && cached.failure() != null) {
            if (now - cached.fetchedAt() < FAILURE_TTL.toNanos()) {
                return Uni.createFrom().failure(new Unavailable(cached.failure()));
            }
            cached = null;
        }
        boolean fresh = cached != null && now - cached.fetchedAt() < TTL.toNanos();
        boolean knowsKid = cached != null && (kid == null
                || cached.keys().stream().anyMatch(k -> kid.equals(k.getKeyId())));
        boolean mayRefetch = cached == null || now - cached.fetchedAt() >= MIN_REFETCH.toNanos();
        if (fresh && (knowsKid || !mayRefetch)) {
            return Uni.createFrom().item(cached.keys());
        }
        return fetch(uri)
                .invoke(keys -> cache.put(uri, new Cached(keys, null, System.nanoTime())))
                .onFailure().invoke(e -> cache.put(uri, new Cached(null, reason(e), System.nanoTime())));
    }

    private Uni<List<JsonWebKey>> fetch(String uri) {
        URI target = URI.create(uri);
        boolean https = "https".equals(target.getScheme());
        int port = target.getPort() > 0 ? target.getPort() : https ? 443 : 80;
        String path = (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        return resolve(target.getHost())
                .chain(address -> http.request(new RequestOptions().setMethod(HttpMethod.GET)
                        .setHost(target.getHost()).setPort(port).setURI(path).setSsl(https)
                        .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                        .setFollowRedirects(false).putHeader("User-Agent", "gatehouse-token-service")
                        .putHeader("Accept", "application/jwk-set+json, application/json")))
                .invoke(sent::set)
                .chain(HttpClientRequest::send)
                .chain(response -> {
                    if (response.statusCode() != 200) {
                        throw new Unavailable("jwks_uri answered " + response.statusCode());
                    }
                    String length = response.getHeader("Content-Length");
                    if (length != null && length.strip().matches("\\d{1,18}")
                            && Long.parseLong(length.strip()) > MAX_BYTES) {
                        throw new Unavailable("jwks_uri serves more than " + MAX_BYTES + " bytes");
                    }
                    // Read as it comes and stop past the cap: a huge or endless body never fills the heap.
                    return response.toMulti().collect().in(Buffer::buffer, (body, chunk) -> {
                        if (body.length() + chunk.length() > MAX_BYTES) {
                            throw new Unavailable("jwks_uri serves more than " + MAX_BYTES + " bytes");
                        }
                        body.appendBuffer(chunk);
                    });
                })
                .ifNoItem().after(DEADLINE).failWith(() -> new Unavailable("jwks_uri took longer than " + DEADLINE))
                .onFailure().invoke(e -> {
                    HttpClientRequest request = sent.get();
                    if (request != null) {
                        request.reset();
                    }
                })
                .map(body -> {
                    try {
                        return new JsonWebKeySet(body.toString()).getJsonWebKeys();
                    } catch (JoseException e) {
                        throw new Unavailable("jwks_uri did not serve a JWK Set");
                    }
                });
    }

    /** The host's address, if every address it resolves to may be fetched from; resolved off the event loop. */
    private Uni<InetAddress> resolve(String host) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            InetAddress[] all;
            try {
                all = InetAddress.getAllByName(host);
            } catch (java.net.UnknownHostException e) {
                throw new Unavailable("jwks_uri host does not resolve");
            }
            for (InetAddress a : all) {
                String refusal = TargetAddresses.refusal(a, allowLoopback);
                if (refusal != null) {
                    throw new Unavailable("jwks_uri resolves to a " + refusal + " address");
                }
            }
            return all[0];
        }), false);
    }

    private static String reason(Throwable e) {
        return e instanceof Unavailable ? e.getMessage() : "jwks_uri could not be fetched";
    }

    @PreDestroy
    void close() {
        http.closeAndAwait();
    }
}
