package dev.gatehouse.token;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signs a person in the way a program drives a browser's flow: authorization request with PKCE, the sign-in page's
 * form (with its CSRF token and cookie), back to the authorization endpoint, the code, the token request. Each step
 * asserts what a browser relies on.
 */
public final class PersonSignIn {

    public static final String REDIRECT_URI = "https://app.example/callback";
    public static final String LOGOUT_URI = "https://app.example/signed-out";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonSignIn() {
    }

    /** A confidential first-party client with the test redirect URIs, registered by a platform admin. */
    public static Client firstPartyClient() {
        JsonPath body = given().auth().oauth2(PlatformClients.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "console " + UUID.randomUUID(), "redirectUris", List.of(REDIRECT_URI),
                        "postLogoutRedirectUris", List.of(LOGOUT_URI)))
                .post("/first-party-clients").then().statusCode(201).extract().jsonPath();
        return new Client(body.getString("clientId"), body.getString("clientSecret"));
    }

    public static String adminPassword() {
        return ConfigProvider.getConfig().getValue("gatehouse.sign-in.admin-password", String.class);
    }

    /** A browser's cookie jar, as far as these pages use one. */
    public static final class Browser {
        final Map<String, String> cookies = new HashMap<>();

        public Response get(String pathAndQuery) {
            Response r = given().cookies(cookies).redirects().follow(false).urlEncodingEnabled(false)
                    .get(pathAndQuery);
            keep(r);
            return r;
        }

        public Response post(String path, Map<String, String> form) {
            Response r = given().cookies(cookies).redirects().follow(false).contentType(ContentType.URLENC)
                    .formParams(form).post(path);
            keep(r);
            return r;
        }

        private void keep(Response r) {
            r.getDetailedCookies().asList().forEach(c -> {
                if (c.getMaxAge() == 0) {
                    cookies.remove(c.getName());
                } else {
                    cookies.put(c.getName(), c.getValue());
                }
            });
        }

        public String cookie(String suffix) {
            return cookies.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
    }

    /** An authorization request's PKCE pair and state. */
    public record Pkce(String verifier, String challenge, String state, String nonce) {
        public static Pkce fresh() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
                return new Pkce(verifier, challenge, UUID.randomUUID().toString(), UUID.randomUUID().toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public record Client(String clientId, String secret) {
        public String authorizeUrl(Pkce pkce, String extra) {
            return authorizeUrl(pkce, extra, "openid profile email");
        }

        public String authorizeUrl(Pkce pkce, String extra, String scope) {
            return "/oauth2/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
                    + enc(REDIRECT_URI) + "&scope=" + enc(scope) + "&state=" + pkce.state()
                    + "&nonce=" + pkce.nonce() + "&code_challenge=" + pkce.challenge()
                    + "&code_challenge_method=S256" + extra;
        }
    }

    /** From the authorization request to the code, signing in on the way if the page asks. */
    public static String code(Browser browser, Client client, Pkce pkce, String email, String password) {
        Response first = browser.get(client.authorizeUrl(pkce, ""));
        if (first.statusCode() == 303) {
            signIn(browser, local(first.getHeader("Location")), email, password);
            first = browser.get(client.authorizeUrl(pkce, ""));
        }
        return codeFrom(first, pkce);
    }

    /** Follows the sign-in page at {@code location} and posts the form; asserts it goes back where it should. */
    public static void signIn(Browser browser, String location, String email, String password) {
        assertThat(location).startsWith("/signin?return_to=");
        Response page = browser.get(location);
        assertThat(page.statusCode()).isEqualTo(200);
        String returnTo = URLDecoder.decode(location.substring("/signin?return_to=".length()).split("&")[0],
                StandardCharsets.UTF_8);
        Response posted = browser.post("/signin", Map.of("email", email, "password", password,
                "csrf_token", csrf(page.asString()), "return_to", returnTo));
        assertThat(posted.statusCode()).as(posted.asString()).isEqualTo(303);
        assertThat(local(posted.getHeader("Location"))).isEqualTo(returnTo);
        assertThat(browser.cookie("gatehouse_session")).isNotNull();
    }

    /** The code from an authorization response, after checking its state and iss (RFC 9207). */
    public static String codeFrom(Response response, Pkce pkce) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(302);
        Map<String, String> query = query(response.getHeader("Location"));
        assertThat(response.getHeader("Location")).startsWith(REDIRECT_URI + "?");
        assertThat(query.get("state")).isEqualTo(pkce.state());
        assertThat(query.get("iss")).isEqualTo(dev.gatehouse.testsupport.TestTokens.ISSUER);
        assertThat(query).containsKey("code");
        return query.get("code");
    }

    /** The token request for a code. */
    public static Response exchange(Client client, String code, Pkce pkce) {
        return given().auth().preemptive().basic(client.clientId(), client.secret())
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", REDIRECT_URI).formParam("code_verifier", pkce.verifier())
                .post("/oauth2/token");
    }

    public static Response refresh(Client client, String refreshToken) {
        return given().auth().preemptive().basic(client.clientId(), client.secret())
                .formParam("grant_type", "refresh_token").formParam("refresh_token", refreshToken)
                .post("/oauth2/token");
    }

    /** A Location on this server, as path and query (JAX-RS makes relative ones absolute). */
    public static String local(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("the page has a CSRF field").isTrue();
        return m.group(1);
    }

    public static Map<String, String> query(String uri) {
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
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
