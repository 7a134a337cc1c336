package dev.gatehouse.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.console.session.ConsoleSession;
import dev.gatehouse.console.session.PersonTokens;
import dev.gatehouse.console.session.UnverifiedClaims;
import jakarta.enterprise.context.RequestScoped;

/** Builds the {@link Frame} of the current request's page. */
@RequestScoped
public class Frames {

    private final PersonTokens tokens;
    private final ObjectMapper json;

    public Frames(PersonTokens tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    public Frame of(String title) {
        return of(title, null);
    }

    public Frame of(String title, Frame.Place place) {
        ConsoleSession session = tokens.session();
        // quarkus-oidc verified this ID token for this very request.
        JsonNode idToken = UnverifiedClaims.of(json, session.latest().idToken());
        String email = idToken.path("email").asText("");
        String name = idToken.path("name").asText("");
        return new Frame(title, name.isBlank() ? email : name, email, tokens.platformAdmin(),
                session.csrfToken(), place);
    }
}
