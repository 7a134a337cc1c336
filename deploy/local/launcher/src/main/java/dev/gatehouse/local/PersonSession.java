package dev.gatehouse.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.gatehouse.local.StackCheck.env;

/**
 * A person signed in to token-service as a program does it: the authorization code flow with PKCE through a
 * public first-party client (a command-line tool's loopback redirect URI, never listened on: the program reads
 * the code from the redirect), posting the sign-in form with its CSRF token and cookie as a browser would.
 */
final class PersonSession {

    static final String LOOPBACK = "http://127.0.0.1:53682/callback";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");
    private static final Pattern TICKET = Pattern.compile("name=\"ticket\" value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();
    private final String issuer;
    final String accessToken;
    final String refreshToken;
    final String idToken;

    PersonSession(String issuer, JsonNode tokens) {
        this.issuer = issuer;
        this.accessToken = tokens.get("access_token").asText();
        this.refreshToken = tokens.get("refresh_token").asText();
        this.idToken = tokens.path("id_token").asText(null);
    }

    /** The first platform admin's e-mail and password from the environment, else the data folder. */
    static String[] firstAdmin(Path keysDir) throws IOException {
        Map<String, String> values = new HashMap<>();
        Path file = keysDir.resolve(LocalKeys.ADMIN_ACCOUNT);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        }
        String email = env("GATEHOUSE_ADMIN_EMAIL", values.get("GATEHOUSE_ADMIN_EMAIL"));
        String password = env("GATEHOUSE_ADMIN_PASSWORD", values.get("GATEHOUSE_ADMIN_PASSWORD"));
        if (email == null || password == null) {
            throw new IllegalStateException("no first platform admin in the environment or " + file);
        }
        return new String[] {email, password};
    }

    /** Registers a public first-party client for command-line sign-in, with the platform-admin client's token. */
    static String registerCliClient(String issuer, String platformAdminToken) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(issuer + "/first-party-clients"))
                .header("Authorization", "Bearer " + platformAdminToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"gatehouse cli " + UUID.randomUUID().toString().substring(0, 8)
                                + "\", \"redirectUris\": [\"" + LOOPBACK + "\"], \"publicClient\": true, "
                                + "\"signingAlgorithm\": \"" + StackCheck.env("GATEHOUSE_CLI_SIGNING_ALG", "ES256")
                                + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        expect(created, 201, "POST /first-party-clients");
        return JSON.readTree(created.body()).get("clientId").asText();
    }

    /** One authorization request's PKCE pair and state (RFC 7636 §4.1-4.2, S256). */
    record Request(String url, String verifier, String state) {
        static Request forClient(String clientId) throws Exception {
            return forClient(clientId, "openid email profile");
        }

        /** With the scopes to ask for, OpenID Connect's and the catalogue's (naming none of the latter: all). */
        static Request forClient(String clientId, String scope) throws Exception {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            String state = UUID.randomUUID().toString();
            return new Request("/oauth2/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
                    + enc(LOOPBACK) + "&scope=" + enc(scope) + "&state=" + state
                    + "&code_challenge=" + challenge + "&code_challenge_method=S256", verifier, state);
        }
    }

    /** A code and the verifier that redeems it. */
    record Code(String code, String verifier) {
    }

    /** Signs in through the form and exchanges the code (PKCE S256); returns the person's tokens. */
    static PersonSession signIn(String issuer, String clientId, String email, String password) throws Exception {
        return signIn(issuer, clientId, email, password, "openid email profile");
    }

    /** As {@link #signIn(String, String, String, String)}, asking for {@code scope}. */
    static PersonSession signIn(String issuer, String clientId, String email, String password, String scope)
            throws Exception {
        Request request = Request.forClient(clientId, scope);
        PersonSession flow = new PersonSession(issuer, JSON.createObjectNode().put("access_token", "")
                .put("refresh_token", ""));
        HttpResponse<String> back = flow.throughSignInForm(flow.get(request.url()), email, password);
        Code code = flow.code(request, back);
        PersonSession session = new PersonSession(issuer, flow.exchange(clientId, code));
        session.cookies.putAll(flow.cookies);
        return session;
    }

    /** From an authorization request answered with the sign-in page: the form, and back to the request. */
    private HttpResponse<String> throughSignInForm(HttpResponse<String> first, String email, String password)
            throws Exception {
        expect(first, 303, "GET /oauth2/authorize (not signed in)");
        String signInPage = path(first.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> page = get(signInPage);
        expect(page, 200, "GET /signin");
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("the sign-in page has no CSRF field");
        }
        String returnTo = URLDecoder.decode(signInPage.substring(signInPage.indexOf("return_to=") + 10)
                .split("&")[0], StandardCharsets.UTF_8);
        HttpResponse<String> posted = post("/signin", "email=" + enc(email) + "&password=" + enc(password)
                + "&csrf_token=" + enc(csrf.group(1)) + "&return_to=" + enc(returnTo));
        expect(posted, 303, "POST /signin");
        return get(path(posted.headers().firstValue("Location").orElseThrow()));
    }

    /** A browser that is not signed in yet, for {@link #authorizeApp}. */
    static PersonSession browser(String issuer) {
        return new PersonSession(issuer, JSON.createObjectNode().put("access_token", "").put("refresh_token", ""));
    }

    /**
     * An installed app asks this browser's person to authorize it in a company (docs/security.md, "Apps acting for
     * people"): the authorization request names the company, the person signs in if they have not, approves the
     * consent page if it is shown ({@code consentShown} says whether it must be), and the app (a confidential
     * client) exchanges the code. Returns the app's tokens for the person.
     */
    JsonNode authorizeApp(String clientId, String secret, String companyId, String scope, String email,
            String password, boolean consentShown) throws Exception {
        Request request = Request.forClient(clientId, scope);
        String url = request.url() + "&company_id=" + companyId;
        HttpResponse<String> answer = get(url);
        if (answer.statusCode() == 303) {
            answer = throughSignInForm(answer, email, password);
        }
        if (consentShown) {
            expect(answer, 200, "GET /oauth2/authorize (the consent page)");
            Matcher csrf = CSRF.matcher(answer.body());
            Matcher ticket = TICKET.matcher(answer.body());
            if (!csrf.find() || !ticket.find()) {
                throw new IllegalStateException("the consent page has no form: " + answer.body());
            }
            HttpResponse<String> approved = post("/oauth2/authorize/consent", "csrf_token=" + enc(csrf.group(1))
                    + "&ticket=" + enc(ticket.group(1)) + "&decision=approve");
            expect(approved, 303, "POST /oauth2/authorize/consent (allow)");
            answer = get(path(approved.headers().firstValue("Location").orElseThrow()));
        }
        Code code = code(request, answer);
        HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                        .getBytes(StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + enc(code.code())
                        + "&redirect_uri=" + enc(LOOPBACK) + "&code_verifier=" + code.verifier())).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(tokens, 200, "POST /oauth2/token (the app's authorization_code)");
        return JSON.readTree(tokens.body());
    }

    /** The last consent page this browser was shown, for checks of what it says. */
    String consentPage(String clientId, String companyId, String scope) throws Exception {
        HttpResponse<String> page = get(Request.forClient(clientId, scope).url() + "&company_id=" + companyId
                + "&prompt=consent");
        expect(page, 200, "GET /oauth2/authorize (prompt=consent)");
        return page.body();
    }

    /**
     * Takes an invitation as its invitee would in a browser: opens the e-mailed link, chooses a password for the new
     * account (typed twice) and posts the form.
     */
    static void acceptInvitation(String issuer, String link, String password) throws Exception {
        PersonSession browser = new PersonSession(issuer, JSON.createObjectNode().put("access_token", "")
                .put("refresh_token", ""));
        String local = path(link);
        HttpResponse<String> page = browser.get(local);
        expect(page, 200, "GET " + local.substring(0, local.indexOf('?')));
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("the invitation page has no CSRF field");
        }
        String token = query(link).get("token");
        HttpResponse<String> joined = browser.post("/invitations/accept", "token=" + enc(token) + "&password="
                + enc(password) + "&password_again=" + enc(password) + "&csrf_token=" + enc(csrf.group(1)));
        expect(joined, 200, "POST /invitations/accept");
        if (!joined.body().contains("You joined")) {
            throw new IllegalStateException("the invitation was not taken: " + joined.body());
        }
    }

    /**
     * A refresh that names the company or developer organization the new access token is to act in (RFC 8707
     * {@code resource}: {@code urn:gatehouse:company:{id}}, {@code urn:gatehouse:developer-org:{id}}). A person who
     * joined a moment ago is known to token-service once the directory's role announcement has arrived: until then
     * the answer is {@code invalid_target}, which spends nothing, so it is asked again for up to {@code patience}.
     */
    JsonNode refreshFor(String clientId, String resource, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            HttpResponse<String> refreshed = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=" + clientId
                            + "&refresh_token=" + enc(refreshToken) + "&resource=" + enc(resource))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (refreshed.statusCode() == 400 && refreshed.body().contains("invalid_target")
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
                continue;
            }
            expect(refreshed, 200, "POST /oauth2/token (refresh_token for " + resource + ")");
            return JSON.readTree(refreshed.body());
        }
    }

    /** This browser's cookie {@code name} as a Cookie header pair, for a load generator to send. */
    String cookie(String name) {
        return name + "=" + cookies.get(name);
    }

    /** A new code from this signed-in browser, without the form (the session answers for the person). */
    Code nextCode(String clientId) throws Exception {
        Request request = Request.forClient(clientId);
        return code(request, get(request.url()));
    }

    /** The token request for a code (RFC 6749 §4.1.3, RFC 7636 §4.5), as a public client. */
    JsonNode exchange(String clientId, Code code) throws Exception {
        HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=" + clientId
                        + "&code=" + enc(code.code()) + "&redirect_uri=" + enc(LOOPBACK) + "&code_verifier="
                        + code.verifier())).build(), HttpResponse.BodyHandlers.ofString());
        expect(tokens, 200, "POST /oauth2/token (authorization_code)");
        return JSON.readTree(tokens.body());
    }

    private Code code(Request request, HttpResponse<String> back) {
        expect(back, 302, "GET /oauth2/authorize (signed in)");
        String location = back.headers().firstValue("Location").orElseThrow();
        Map<String, String> answer = query(location);
        if (!location.startsWith(LOOPBACK + "?") || !request.state().equals(answer.get("state"))
                || answer.get("code") == null || !issuer.equals(answer.get("iss"))) {
            throw new IllegalStateException("the authorization response is not what RFC 6749 and RFC 9207 say: "
                    + location);
        }
        return new Code(answer.get("code"), request.verifier());
    }

    /** A refresh (RFC 6749 §6); the answer holds the rotated refresh token. */
    JsonNode refresh(String clientId) throws Exception {
        return refresh(http, issuer, clientId, refreshToken);
    }

    static JsonNode refresh(HttpClient http, String issuer, String clientId, String refreshToken) throws Exception {
        HttpResponse<String> refreshed = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=" + clientId
                        + "&refresh_token=" + enc(refreshToken))).build(), HttpResponse.BodyHandlers.ofString());
        expect(refreshed, 200, "POST /oauth2/token (refresh_token)");
        return JSON.readTree(refreshed.body());
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return keep(http.send(withCookies(HttpRequest.newBuilder(URI.create(issuer + pathAndQuery))).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return keep(http.send(withCookies(HttpRequest.newBuilder(URI.create(issuer + path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name)
                    .append('=').append(value));
            request.header("Cookie", header.toString());
        }
        return request.timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> keep(HttpResponse<String> response) {
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return response;
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + " (expected " + status
                    + "): " + response.body().substring(0, Math.min(300, response.body().length())));
        }
    }

    private static String path(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static Map<String, String> query(String uri) {
        Map<String, String> values = new HashMap<>();
        String raw = URI.create(uri).getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
