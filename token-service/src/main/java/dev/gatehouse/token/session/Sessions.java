package dev.gatehouse.token.session;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.SignedIn;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.token.SignInConfig;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.account.Account;
import dev.gatehouse.token.account.AccountRepository;
import dev.gatehouse.token.crypto.OpaqueTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in sessions: started after a person proved who they are, found again from the browser's cookie, ended by
 * sign-out, by the person (their list of sessions), or for everyone at once when the account is disabled or its
 * password changes ({@link Account#stillValid}). Callers hold the reactive session (and the transaction, for
 * changes).
 */
@ApplicationScoped
public class Sessions {

    /** Session cookies start with this, so a leaked one is recognisable. */
    static final String PREFIX = "gatehouse_ss_";
    private static final int MAX_USER_AGENT = 300;

    /** A live session and its account, as the authorization endpoint needs them. */
    public record Current(SignInSession session, Account account) {
    }

    /** A session just started, with the cookie value that exists nowhere else. */
    public record Started(SignInSession session, String cookieValue) {
    }

    private final SessionRepository sessions;
    private final AccountRepository accounts;
    private final OpaqueTokens tokens;
    private final SignInConfig config;
    private final Clock clock;
    private final OutboxWriter outbox;

    public Sessions(SessionRepository sessions, AccountRepository accounts, OpaqueTokens tokens, SignInConfig config,
            Clock clock, OutboxWriter outbox) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Starts a session, recorded as {@code SignedIn} in the caller's transaction. */
    public Uni<Started> start(Account account, String amr, String userAgent, String sourceAddress) {
        Instant now = now();
        String value = tokens.newValue(PREFIX);
        SignInSession s = new SignInSession();
        s.id = UUID.randomUUID();
        s.tokenHash = tokens.hash(value);
        s.accountId = account.id;
        s.authTime = now;
        s.amr = amr;
        s.createdAt = now;
        s.lastSeenAt = now;
        s.expiresAt = now.plus(config.sessionLifetime());
        s.userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT));
        s.sourceAddress = sourceAddress;
        return sessions.persist(s).call(() -> outbox.append(EventEnvelope.of(TokenEvents.SIGNED_IN, TokenService.NAME,
                        null, new Actor(Actor.USER, account.id.toString()), account.id.toString(),
                        new SignedIn(account.id, s.id, amr, sourceAddress))))
                .map(x -> new Started(s, value));
    }

    /** The live session the cookie names, with its account, if both still count. */
    public Uni<Optional<Current>> current(String cookieValue) {
        if (cookieValue == null || !cookieValue.startsWith(PREFIX) || cookieValue.length() > 100) {
            return Uni.createFrom().item(Optional.empty());
        }
        Instant now = now();
        return sessions.byTokenHash(tokens.hash(cookieValue)).chain(s -> s == null || !s.liveAt(now)
                ? Uni.createFrom().item(Optional.<Current>empty())
                : accounts.findById(s.accountId).map(a -> a != null && a.stillValid(s.createdAt)
                        ? Optional.of(new Current(s, a)) : Optional.empty()));
    }

    /** Whether the session is still live for its account (a code or a refresh token tied to it may be used). */
    public Uni<Boolean> live(UUID sessionId, Account account) {
        Instant now = now();
        return sessions.findById(sessionId).map(s -> s != null && s.liveAt(now) && account.stillValid(s.createdAt));
    }

    public Uni<List<SignInSession>> liveOf(UUID accountId) {
        return sessions.liveOf(accountId, now());
    }

    /** Ends the session (no-op if it is already over); returns it, or null when there is none. */
    public Uni<SignInSession> end(UUID sessionId) {
        Instant now = now();
        return sessions.findById(sessionId).invoke(s -> {
            if (s != null) {
                s.end(now);
            }
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
