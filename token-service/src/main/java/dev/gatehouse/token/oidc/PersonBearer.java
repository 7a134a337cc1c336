package dev.gatehouse.token.oidc;

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

    /** A person's verified token: who, from which sign-in session, with which scopes. */
    public record Person(LivePeople.Person account, UUID sessionId, String scope) {
    }

    private final TokenVerifier verifier;
    private final LivePeople people;

    public PersonBearer(TokenVerifier verifier, LivePeople people) {
        this.verifier = verifier;
        this.people = people;
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
            return people.standing(subject, grantId, issuedAt).map(person -> person.map(p -> new Person(p,
                    sessionId == null ? null : UUID.fromString(sessionId), scope == null ? "" : scope)));
        });
    }
}
