package dev.gatehouse.token.oidc;

import dev.gatehouse.web.problem.Problem;
import dev.gatehouse.web.security.ScopeCheck;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;

import dev.gatehouse.token.issue.TokenVerifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwt.MalformedClaimException;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The person behind a bearer access token, for token-service's own endpoints that serve people themselves
 * (userinfo, their sessions): the token must be one of ours and live ({@link TokenVerifier}), a person's (it has a
 * {@code grant_id}), and still stand for its account and grant ({@link LivePeople}).
 */
@ApplicationScoped
public class PersonBearer {

    /**
     * A person's verified token: who, from which sign-in session, with which scopes; {@code byApp} when an app
     * holds it to act for the person (docs/security.md, "Apps acting for people").
     */
    public record Person(LivePeople.Person account, UUID sessionId, String scope, boolean byApp) {
    }

    private final TokenVerifier verifier;
    private final LivePeople people;

    public PersonBearer(TokenVerifier verifier, LivePeople people) {
        this.verifier = verifier;
        this.people = people;
    }

    /**
     * Runs {@code action} for the person behind the token if it carries {@code scope}: 401 without a person's
     * standing token, 403 ({@code insufficient_scope}) without the scope. Endpoints that verify their bearer here
     * check the scope their operation declares here too, as ScopeFilter does for the others. With
     * {@code themselves}, an app acting for the person is refused (403): what a person manages about their own
     * sign-in (sessions, approved integrations) is theirs alone.
     */
    public Uni<Response> serve(String authorization, String scope, boolean themselves,
            Function<Person, Uni<Response>> action) {
        return of(authorization).chain(person -> {
            if (person.isEmpty()) {
                return Uni.createFrom().item(unauthorized());
            }
            Response refused = ScopeCheck.refusalUnlessCovered(person.get().scope(), scope);
            if (refused == null && themselves && person.get().byApp()) {
                refused = Response.status(403).type(Problem.MEDIA_TYPE).entity(new Problem(Problem.ABOUT_BLANK,
                        "Forbidden", 403, "An app acting for you cannot do this; only you can", List.of())).build();
            }
            return refused != null ? Uni.createFrom().item(refused) : action.apply(person.get());
        });
    }

    /** RFC 6750 §3.1, with the problem body every API error has. */
    private static Response unauthorized() {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .entity(new Problem(Problem.ABOUT_BLANK, "Unauthorized", 401,
                        "A person's valid access token from this server is required", List.of())).build();
    }

    /** Empty for a missing, malformed, dead or non-person token, whatever the reason. */
    public Uni<Optional<Person>> of(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return verifier.verify(authorization.substring(7).trim()).chain(verified -> {
            if (verified.isEmpty()) {
                return Uni.createFrom().item(Optional.<Person>empty());
            }
            String grantId;
            String sessionId;
            String scope;
            Instant issuedAt;
            try {
                grantId = verified.get().claims().getStringClaimValue("grant_id");
                sessionId = verified.get().claims().getStringClaimValue("sid");
                scope = verified.get().claims().getStringClaimValue("scope");
                issuedAt = Instant.ofEpochSecond(verified.get().claims().getIssuedAt().getValue());
            } catch (MalformedClaimException e) {
                return Uni.createFrom().item(Optional.<Person>empty());
            }
            if (grantId == null) {
                return Uni.createFrom().item(Optional.<Person>empty());
            }
            String subject = verified.get().claims().getClaimValueAsString("sub");
            boolean byApp = verified.get().claims().hasClaim("act");
            return people.standing(subject, grantId, issuedAt).map(person -> person.map(p -> new Person(p,
                    sessionId == null ? null : UUID.fromString(sessionId), scope == null ? "" : scope, byApp)));
        });
    }
}
