package dev.gatehouse.console.stub;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser as the console meets it: it keeps the cookies the console sets (and drops the ones it clears), and takes
 * one step at a time, so a test sees each redirect on the way to token-service and back.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new LinkedHashMap<>();

    public Response get(String url) {
        return keep(request().get(url));
    }

    public Response get(URI url) {
        return get(url.toString());
    }

    public Response post(String path, Map<String, String> form) {
        RequestSpecification request = request().contentType("application/x-www-form-urlencoded");
        form.forEach(request::formParam);
        return keep(request.post(path));
    }

    /**
     * Opens {@code path} signed out, signs in at token-service as the person {@code tokens} belong to, and follows
     * the way back: answers the page the console finally shows.
     */
    public Response signIn(StubGatehouse gatehouse, StubGatehouse.Tokens tokens, String path) {
        URI authorize = toSignIn(get(path));
        Response callback = get(gatehouse.approve(authorize, tokens));
        assertThat(callback.statusCode()).as("the callback sends the browser on").isEqualTo(302);
        return get(callback.header("Location"));
    }

    /** Asserts {@code response} sends the browser to token-service's authorization endpoint; returns where. */
    public static URI toSignIn(Response response) {
        assertThat(response.statusCode()).as("sent to sign in").isEqualTo(302);
        URI location = URI.create(response.header("Location"));
        assertThat(location.getPath()).isEqualTo("/oauth2/authorize");
        return location;
    }

    /** The CSRF token a page's forms carry. */
    public static String csrf(Response page) {
        Matcher matcher = CSRF.matcher(page.body().asString());
        assertThat(matcher.find()).as("the page has a form with the CSRF token").isTrue();
        return matcher.group(1);
    }

    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    /** Replaces the browser's cookies (a copy kept from earlier replayed). */
    public void restore(Map<String, String> kept) {
        cookies.clear();
        cookies.putAll(kept);
    }

    private RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    private Response keep(Response response) {
        for (Cookie cookie : response.detailedCookies()) {
            boolean cleared = cookie.getMaxAge() == 0 || cookie.getValue() == null || cookie.getValue().isEmpty()
                    || (cookie.getExpiryDate() != null && cookie.getExpiryDate().before(new Date()));
            if (cleared) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        return response;
    }
}
