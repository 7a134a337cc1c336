package dev.gatehouse.token.signin;

import dev.gatehouse.token.account.Account;
import dev.gatehouse.token.session.SessionCookie;
import dev.gatehouse.token.session.Sessions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The end of a sign-in: the session starts, the browser gets its cookie and goes back where it came from. */
@ApplicationScoped
public class SessionStart {

    private final Sessions sessions;
    private final SessionCookie cookies;
    private final Pages pages;

    public SessionStart(Sessions sessions, SessionCookie cookies, Pages pages) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.pages = pages;
    }

    /** {@code amr} as RFC 8176 values, space-separated ({@code pwd}, {@code pwd otp}). */
    public Uni<Response> start(Account account, String amr, Optional<String> target, String userAgent,
            String address, NewCookie... alsoSet) {
        return Panache.withTransaction(() -> sessions.start(account, amr, userAgent, address)).map(started -> {
            NewCookie session = cookies.set(SessionCookie.SESSION, started.cookieValue(),
                    Duration.between(started.session().createdAt, started.session().expiresAt),
                    NewCookie.SameSite.LAX);
            NewCookie[] all = new NewCookie[alsoSet.length + 1];
            all[0] = session;
            System.arraycopy(alsoSet, 0, all, 1, alsoSet.length);
            return pages.seeOther(URI.create(target.orElse("/signin")), all);
        });
    }
}
