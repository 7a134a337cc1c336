package dev.gatehouse.testsupport;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzzing pass over every operation of the service's own OpenAPI document, as a platform admin (who gets past
 * every access check): hostile path parameters, query parameters and bodies (NUL characters, overflowing numbers,
 * forged cursors, duplicated keys, trailing garbage, wrong types, missing or wrong media types). No answer may be a
 * 5xx, and every error must carry a body a client can read: RFC 9457 problem+json, an RFC 6749 error on the
 * OAuth endpoints, or, where the document says a browser gets one (the authorization endpoint), an HTML page
 * with a heading. Every documented operation is called, so a new one is covered the day it is added. Each service
 * runs it with {@code @QuarkusTest class HostileInputPassTest extends HostileInputPass {}}.
 */
public abstract class HostileInputPass {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final String NUL = "\u0000";

    /** Path values to try for every path parameter (URL-encoded where needed; sent as is). */
    private static final List<String> PATH_VALUES = List.of("%00", "99999999999999999999", "not-a-uuid",
            "%E2%80%AE", "a".repeat(300));

    private static final List<Map.Entry<String, String>> QUERIES = List.of(
            Map.entry("limit", "abc"), Map.entry("limit", "99999999999999999999"), Map.entry("limit", "-1"),
            Map.entry("cursor", cursor("99999999999999:0:x")), Map.entry("cursor", cursor("9223372036854775807:1:x")),
            Map.entry("cursor", "%00"), Map.entry("status", "garbage"), Map.entry("companyId", "not-a-uuid"),
            Map.entry("projectId", "%00"), Map.entry("kind", "%00"), Map.entry("algorithm", "%00"));

    private static final List<String> BODIES = List.of(
            "{\"name\": \"x\", \"name\": \"y\"}",
            "{} trailing",
            "{\"name\": \"nul" + "\\u0000" + "\", \"description\": \"\\u0000\"}",
            "{\"name\": 12345678901234567890123, \"scopes\": \"not-a-list\", \"projectIds\": [\"%00\"]}",
            "[]",
            "\"just a string\"",
            "{\"manifest\": {\"permissions\": {\"company\": {\"directory\": \"\\u0000\"}}}, \"version\": \"\\u0000\"}",
            "{\"reason\": \"" + "r".repeat(10_000) + "\"}",
            "not json at all");

    @Test
    void noDocumentedOperationAnswersHostileInputWithA5xxOrABodilessError() {
        String admin = TestTokens.platformAdmin().sign();
        JsonPath openApi = given().accept(ContentType.JSON).queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        List<String> failures = new ArrayList<>();
        int calls = 0;
        Set<String> methods = Set.of("get", "post", "put", "patch", "delete");
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            for (String method : path.getValue().keySet()) {
                if (!methods.contains(method)) {
                    continue;
                }
                String template = path.getKey();
                boolean oauth = template.startsWith("/oauth2/");
                boolean page = String.valueOf(path.getValue().get(method)).contains("text/html");
                // Path parameters: each hostile value in turn, the others a fresh UUID.
                for (String value : PATH_VALUES) {
                    calls += check(failures, method, template, oauth, page, fill(template, p -> value), admin,
                            r -> r, "path " + value);
                }
                String valid = fill(template, p -> UUID.randomUUID().toString());
                for (Map.Entry<String, String> q : QUERIES) {
                    calls += check(failures, method, template, oauth, page,
                            valid + "?" + q.getKey() + "=" + q.getValue(),
                            admin, r -> r, "query " + q.getKey() + "=" + q.getValue());
                }
                if (!method.equals("get") && !method.equals("delete")) {
                    for (String body : BODIES) {
                        calls += check(failures, method, template, oauth, page, valid, admin,
                                r -> r.contentType(oauth ? ContentType.URLENC.toString() : "application/json")
                                        .body(body), "body " + abbreviate(body));
                    }
                    calls += check(failures, method, template, oauth, page, valid, admin,
                            r -> r.contentType("text/plain").body("x".getBytes(StandardCharsets.UTF_8)),
                            "text/plain body");
                    if (oauth) {
                        calls += check(failures, method, template, oauth, page, valid, admin,
                                r -> r.contentType(ContentType.URLENC.toString())
                                        .body("grant_type=%zz&token=a%00b&client_id=%00"),
                                "form with bad escapes and NUL");
                    }
                }
            }
        }
        assertThat(calls).as("calls made").isPositive();
        assertThat(failures).as("answers that were a 5xx or an error without a readable body").isEmpty();
    }

    private static int check(List<String> failures, String method, String template, boolean oauth, boolean page,
            String url, String token, Function<RequestSpecification, RequestSpecification> shape, String what) {
        RequestSpecification request = shape.apply(given().urlEncodingEnabled(false).auth().oauth2(token));
        Response response = request.request(method.toUpperCase(), url);
        int status = response.statusCode();
        String type = response.contentType() == null ? "" : response.contentType();
        String where = method.toUpperCase() + " " + template + " with " + what + ": ";
        if (status >= 500) {
            failures.add(where + status);
        } else if (status >= 400) {
            boolean problem = type.startsWith("application/problem+json")
                    && response.jsonPath().getInt("status") == status;
            boolean oauthError = oauth && type.startsWith("application/json")
                    && response.jsonPath().getString("error") != null;
            boolean htmlPage = page && type.startsWith("text/html") && response.asString().contains("<h1");
            if (!problem && !oauthError && !htmlPage) {
                failures.add(where + status + " with content type '" + type + "'");
            }
        }
        return 1;
    }

    private static String fill(String template, Function<String, String> value) {
        Matcher m = PATH_PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String cursor(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String body) {
        return body.length() > 60 ? body.substring(0, 60) + "…" : body;
    }
}
