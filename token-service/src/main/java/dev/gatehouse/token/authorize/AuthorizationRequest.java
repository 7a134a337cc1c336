package dev.gatehouse.token.authorize;

import dev.gatehouse.events.permission.ScopeCatalogue;
import dev.gatehouse.token.client.RegisteredClient;
import dev.gatehouse.token.error.OAuthException;
import dev.gatehouse.token.oauth.CompanySelector;
import dev.gatehouse.token.oauth.FirstPartyScopes;
import dev.gatehouse.token.oauth.GrantTypes;
import dev.gatehouse.token.oauth.OAuthForm;
import jakarta.ws.rs.core.MultivaluedHashMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An authorization request (RFC 6749 §4.1.1, OpenID Connect Core §3.1.2.1), checked in the order the RFC demands:
 * first the client and the redirect URI, whose failures must not be sent to the redirect URI
 * ({@link InvalidClientRequest}), then everything else, whose failures are ({@link AuthorizationError}).
 *
 * @param authAfter set by this server on the request it sends the browser back to after a forced sign-in
 *                  ({@code prompt=login}, {@code max_age}): the session must have been authenticated at or after it
 * @param company   the company an app is authorized in ({@code company_id}, or RFC 8707 {@code resource}); always
 *                  present for an app, empty for a first-party application (it names its company at the token
 *                  endpoint, per token)
 */
public record AuthorizationRequest(RegisteredClient client, Target target, List<String> scopes, String nonce,
        String codeChallenge, Set<String> prompt, Optional<Long> maxAge, Optional<String> loginHint,
        Optional<Instant> authAfter, Optional<UUID> company) {

    /** Where an answer goes: the redirect URI, whether the client named it, and the state to give back. */
    public record Target(String redirectUri, boolean redirectUriGiven, String state) {
    }

    public static final String PROMPT_NONE = "none";
    public static final String PROMPT_LOGIN = "login";
    public static final String AUTH_AFTER = "auth_after";
    static final int MAX_STATE = 2000;
    static final int MAX_NONCE = 500;
    /** RFC 7636 §4.2: 43 to 128 characters of the unreserved set; S256 always gives 43. */
    private static final Pattern CODE_CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final Set<String> PROMPTS = Set.of(PROMPT_NONE, PROMPT_LOGIN, "consent", "select_account");

    /**
     * Step one: the client and where to answer. {@code client} is the registered client named by
     * {@code client_id}, or empty if there is none.
     */
    static Target target(Map<String, List<String>> query, Optional<RegisteredClient> client) {
        String clientId = single(query, "client_id").orElseThrow(() -> new InvalidClientRequest(
                "The request does not say which application is asking (client_id is missing)."));
        RegisteredClient c = client.orElseThrow(() -> new InvalidClientRequest(
                "The application that sent you here (" + printable(clientId) + ") is not known to Gatehouse."));
        if (!c.enabled()) {
            throw new InvalidClientRequest("The application that sent you here has been disabled.");
        }
        if (!c.grantTypes().contains(GrantTypes.AUTHORIZATION_CODE) || c.redirectUris().isEmpty()) {
            throw new InvalidClientRequest("The application that sent you here cannot sign people in.");
        }
        Optional<String> redirect = single(query, "redirect_uri");
        String redirectUri;
        if (redirect.isPresent()) {
            // RFC 9700 §2.1: exact string comparison, nothing looser.
            if (!c.redirectUris().contains(redirect.get())) {
                throw new InvalidClientRequest("The address the application asked to send you back to is not one "
                        + "it registered, so Gatehouse will not send you there.");
            }
            redirectUri = redirect.get();
        } else if (c.redirectUris().size() == 1) {
            redirectUri = c.redirectUris().get(0);
        } else {
            throw new InvalidClientRequest("The request does not say where to send you back to (redirect_uri).");
        }
        String state = optional(query, "state", redirectUri);
        if (state != null && state.length() > MAX_STATE) {
            throw new InvalidClientRequest("The request's state parameter is too long.");
        }
        return new Target(redirectUri, redirect.isPresent(), state);
    }

    /** Step two: everything else, each failure answered at the redirect URI. */
    static AuthorizationRequest parse(Map<String, List<String>> query, RegisteredClient client, Target target) {
        String responseType = required(query, "response_type", target);
        if (!"code".equals(responseType)) {
            // RFC 9700 §2.1.2: the implicit grant and hybrid flows are not offered.
            throw new AuthorizationError(target, "unsupported_response_type",
                    "Only response_type=code is supported");
        }
        String responseMode = optional(query, "response_mode", target);
        if (responseMode != null && !"query".equals(responseMode)) {
            throw new AuthorizationError(target, "invalid_request", "Only response_mode=query is supported");
        }
        if (query.containsKey("request")) {
            throw new AuthorizationError(target, "request_not_supported", "Request objects are not supported");
        }
        if (query.containsKey("request_uri")) {
            throw new AuthorizationError(target, "request_uri_not_supported", "request_uri is not supported");
        }
        // RFC 7636 §4.3 and RFC 9700 §2.1.1: PKCE with S256 for every client; plain would show the verifier.
        String challenge = optional(query, "code_challenge", target);
        if (challenge == null) {
            throw new AuthorizationError(target, "invalid_request",
                    "code_challenge is required (PKCE, RFC 7636, with code_challenge_method=S256)");
        }
        if (!"S256".equals(optional(query, "code_challenge_method", target))) {
            throw new AuthorizationError(target, "invalid_request", "code_challenge_method must be S256");
        }
        if (!CODE_CHALLENGE.matcher(challenge).matches()) {
            throw new AuthorizationError(target, "invalid_request",
                    "code_challenge must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~");
        }
        Optional<UUID> company = company(query, client, target);
        List<String> scopes = client.isApp() ? appScopes(optional(query, "scope", target), target)
                : scopes(optional(query, "scope", target), client, target);
        String nonce = optional(query, "nonce", target);
        if (nonce != null && nonce.length() > MAX_NONCE) {
            throw new AuthorizationError(target, "invalid_request", "nonce must be at most " + MAX_NONCE
                    + " characters");
        }
        Set<String> prompt = prompt(optional(query, "prompt", target), target);
        return new AuthorizationRequest(client, target, scopes, nonce, challenge, prompt,
                number(query, "max_age", target), Optional.ofNullable(optional(query, "login_hint", target)),
                number(query, AUTH_AFTER, target).map(Instant::ofEpochSecond), company);
    }

    /**
     * An app acts in one company, the one the person authorizes it in, named as for installation tokens; a
     * first-party application names none here.
     */
    private static Optional<UUID> company(Map<String, List<String>> query, RegisteredClient client, Target target) {
        if (!client.isApp()) {
            // A first-party application names its company at the token endpoint, per token; here it means nothing.
            return Optional.empty();
        }
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        for (String name : List.of("company_id", "resource")) {
            if (query.containsKey(name)) {
                form.put(name, query.get(name));
            }
        }
        Optional<UUID> company;
        try {
            company = CompanySelector.of(new OAuthForm(form));
        } catch (OAuthException e) {
            throw new AuthorizationError(target, e.error().code(), e.getMessage());
        }
        if (company.isEmpty()) {
            throw new AuthorizationError(target, "invalid_request", "An app is authorized in one company: name it "
                    + "with company_id or resource=urn:gatehouse:company:{id}");
        }
        return company;
    }

    /**
     * An app may ask for OpenID Connect's scopes and the catalogue's; whether the installation has the catalogue
     * ones is judged once the installation is looked up. None named means every scope of the installation.
     */
    private static List<String> appScopes(String asked, Target target) {
        if (asked == null) {
            return List.of();
        }
        List<String> scopes = List.copyOf(new LinkedHashSet<>(Arrays.asList(asked.trim().split(" +"))));
        List<String> unknown = scopes.stream().filter(s -> !FirstPartyScopes.ALL.contains(s)
                && ScopeCatalogue.byName(s).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new AuthorizationError(target, "invalid_scope", "Unknown scope: " + String.join(" ", unknown));
        }
        return scopes;
    }

    /** The same request with its scopes settled (an app's, once its installation is known). */
    public AuthorizationRequest withScopes(List<String> settled) {
        return new AuthorizationRequest(client, target, List.copyOf(settled), nonce, codeChallenge, prompt, maxAge,
                loginHint, authAfter, company);
    }

    /**
     * RFC 6749 §3.3: the sign-in scopes the client may have, and the catalogue's scopes (what the person's token
     * may do with Gatehouse's APIs). A request that names none of the catalogue's gets all of them, as RFC 6749 §3.3
     * lets a server default: a first-party application (the console) acts with all the person's rights, and stock
     * OpenID Connect clients ask for {@code openid profile email} only. One that names some gets exactly those.
     */
    private static List<String> scopes(String asked, RegisteredClient client, Target target) {
        if (asked == null) {
            return withCatalogue(client.scopes());
        }
        List<String> scopes = List.copyOf(new LinkedHashSet<>(Arrays.asList(asked.trim().split(" +"))));
        List<String> unknown = scopes.stream().filter(s -> !client.scopes().contains(s)
                && ScopeCatalogue.byName(s).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new AuthorizationError(target, "invalid_scope", "Scope not allowed for this client: "
                    + String.join(" ", unknown));
        }
        return scopes.stream().anyMatch(s -> ScopeCatalogue.byName(s).isPresent()) ? scopes : withCatalogue(scopes);
    }

    private static List<String> withCatalogue(List<String> scopes) {
        List<String> all = new ArrayList<>(scopes);
        all.addAll(ScopeCatalogue.names());
        return List.copyOf(all);
    }

    /** OpenID Connect Core §3.1.2.1: space-separated; {@code none} with anything else is an error. */
    private static Set<String> prompt(String value, Target target) {
        if (value == null) {
            return Set.of();
        }
        Set<String> prompt = new LinkedHashSet<>(Arrays.asList(value.trim().split(" +")));
        if (!PROMPTS.containsAll(prompt)) {
            throw new AuthorizationError(target, "invalid_request", "prompt may be none, login, consent or "
                    + "select_account");
        }
        if (prompt.contains(PROMPT_NONE) && prompt.size() > 1) {
            throw new AuthorizationError(target, "invalid_request",
                    "prompt=none cannot be combined with another value");
        }
        return Set.copyOf(prompt);
    }

    private static Optional<Long> number(Map<String, List<String>> query, String name, Target target) {
        String value = optional(query, name, target);
        if (value == null) {
            return Optional.empty();
        }
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Optional.of(n);
        } catch (NumberFormatException e) {
            throw new AuthorizationError(target, "invalid_request", name + " must be a whole number of seconds");
        }
    }

    /** Whether the request names OpenID Connect (then an ID token comes back with the access token). */
    public boolean isOpenId() {
        return scopes.contains(FirstPartyScopes.OPENID);
    }

    private static String required(Map<String, List<String>> query, String name, Target target) {
        String value = optional(query, name, target);
        if (value == null) {
            throw new AuthorizationError(target, "invalid_request", "Missing parameter '" + name + "'");
        }
        return value;
    }

    /** RFC 6749 §3.1: parameters must not repeat; an empty one counts as absent. */
    private static String optional(Map<String, List<String>> query, String name, Object target) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            String message = "Parameter '" + name + "' is repeated";
            if (target instanceof Target t) {
                throw new AuthorizationError(t, "invalid_request", message);
            }
            throw new InvalidClientRequest("The request is malformed: " + message + ".");
        }
        String value = values.get(0);
        if (value.indexOf('\u0000') >= 0) {
            String message = "Parameter '" + name + "' must not contain the NUL character";
            if (target instanceof Target t) {
                throw new AuthorizationError(t, "invalid_request", message);
            }
            throw new InvalidClientRequest("The request is malformed: " + message + ".");
        }
        return value.isEmpty() ? null : value;
    }

    private static Optional<String> single(Map<String, List<String>> query, String name) {
        return Optional.ofNullable(optional(query, name, (Object) null));
    }

    private static String printable(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return shown.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
