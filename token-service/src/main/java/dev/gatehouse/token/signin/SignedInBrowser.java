package dev.gatehouse.token.signin;

import dev.gatehouse.token.account.Account;
import dev.gatehouse.token.session.SessionCookie;
import dev.gatehouse.token.session.Sessions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/** Who is signed in to this browser, for the account pages (password, second factor), and the page when nobody is. */
@ApplicationScoped
public class SignedInBrowser {

    private final Sessions sessions;
    private final SessionCookie cookies;
    private final Pages pages;

    public SignedInBrowser(Sessions sessions, SessionCookie cookies, Pages pages) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.pages = pages;
    }

    /** The account of the browser's live session, if it has one. */
    public Uni<Optional<Account>> account(HttpHeaders headers) {
        String cookie = cookies.value(headers, SessionCookie.SESSION);
        return Panache.withSession(() -> sessions.current(cookie)).map(c -> c.map(Sessions.Current::account));
    }

    /** The page for an account page opened without signing in first. */
    public Response signInFirst(String what) {
        return pages.message(401, "Sign in first", "Sign in to Gatehouse, then come back to this page to " + what
                + ".", "error");
    }
}
