package dev.gatehouse.console.session;

import io.smallrye.mutiny.Uni;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * One signed-in browser, kept on the server: the tokens of its sign-in, an access token per place the person acted
 * in, and its CSRF token. The browser holds only the session's random handle (in quarkus-oidc's session cookie).
 *
 * <p>token-service rotates refresh tokens and ends the whole grant when an earlier one is presented again (RFC 9700
 * §4.14.2), so two refreshes of one sign-in must never run at once: every refresh queues behind the one before it and
 * uses the refresh token that one returned.
 */
public final class ConsoleSession {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String handle;
    private final String csrfToken;
    private final Map<Context, TokenSet> byContext = new ConcurrentHashMap<>();
    private final Map<Context, Uni<TokenSet>> pending = new ConcurrentHashMap<>();
    private volatile TokenSet latest;
    private Uni<TokenSet> queue;

    ConsoleSession(TokenSet signIn) {
        this.handle = random();
        this.csrfToken = random();
        this.latest = signIn;
        this.queue = Uni.createFrom().item(signIn);
        byContext.put(signIn.context(), signIn);
    }

    /** The value in the browser's session cookie: 256 random bits, nothing else. */
    public String handle() {
        return handle;
    }

    /** The synchronizer token every form and every htmx request of this session must carry. */
    public String csrfToken() {
        return csrfToken;
    }

    /** The newest tokens of the sign-in: its ID token and its one live refresh token. */
    public TokenSet latest() {
        return latest;
    }

    /** The access token last obtained for {@code context}, if any (it may have expired). */
    public TokenSet forContext(Context context) {
        return byContext.get(context);
    }

    /**
     * Refreshes for {@code context} once every refresh queued before has finished, with the refresh token the last
     * one returned. A refresh for the same context that is already queued is shared rather than repeated.
     */
    public synchronized Uni<TokenSet> refresh(Context context,
            BiFunction<TokenSet, Context, Uni<TokenSet>> refreshWith) {
        Uni<TokenSet> queued = pending.get(context);
        if (queued != null) {
            return queued;
        }
        Uni<TokenSet> next = queue.onItemOrFailure().transformToUni((previous, failure) -> refreshWith.apply(latest,
                        context))
                .invoke(this::store)
                // A block: as an expression the lambda would return the queued Uni, and eventually() would wait on it.
                .eventually(() -> {
                    pending.remove(context);
                })
                .memoize().indefinitely();
        pending.put(context, next);
        queue = next.onFailure().recoverWithItem(() -> latest);
        return next;
    }

    private void store(TokenSet tokens) {
        latest = tokens;
        byContext.put(tokens.context(), tokens);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
