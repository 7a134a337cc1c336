package dev.gatehouse.console.serviceaccount;

import dev.gatehouse.console.api.ApiProblem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service account's details as the create and edit forms hold them: as stored, or as typed (so a refused form
 * keeps what was typed). Every field is text, as a form sends it.
 */
public record ServiceAccountForm(String name, String description, String tokenLifetimeSeconds, List<String> scopes) {

    static final ServiceAccountForm EMPTY = new ServiceAccountForm(null, null, null, null);

    public ServiceAccountForm {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        tokenLifetimeSeconds = tokenLifetimeSeconds == null ? "" : tokenLifetimeSeconds.strip();
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** The form filled with a service account as token-service shows it. */
    @SuppressWarnings("unchecked")
    static ServiceAccountForm of(Map<String, Object> account) {
        Object lifetime = account.get("tokenLifetimeSeconds");
        return new ServiceAccountForm((String) account.get("name"), (String) account.get("description"),
                lifetime == null ? null : lifetime.toString(), (List<String>) account.get("scopes"));
    }

    /**
     * The JSON body for token-service (create or PATCH). Scopes are always sent, so unticking the last one takes it
     * away. An empty lifetime is left out (the default, or unchanged).
     *
     * @throws ApiProblem a 400 with a field error when the lifetime is not a whole number, before any call
     */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", description);
        body.put("scopes", scopes);
        if (!tokenLifetimeSeconds.isEmpty()) {
            if (!tokenLifetimeSeconds.matches("\\d{1,9}")) {
                throw new ApiProblem(400, "validation", "Not saved", "", List.of(new ApiProblem.FieldError(
                        "tokenLifetimeSeconds", "must be a whole number of seconds")));
            }
            body.put("tokenLifetimeSeconds", Integer.valueOf(tokenLifetimeSeconds));
        }
        return body;
    }
}
