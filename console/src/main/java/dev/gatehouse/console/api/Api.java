package dev.gatehouse.console.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.console.ConsoleConfig;
import dev.gatehouse.console.session.Context;
import dev.gatehouse.console.session.PersonTokens;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.RequestScoped;

import java.io.IOException;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Calls a service's API as the signed-in person, with their access token for the page's company or organization, and
 * turns a refusal into an {@link ApiProblem}. Answers come back as plain maps and lists, which the templates read
 * by name; the console keeps no model of its own, so it shows what the owning service says.
 */
@RequestScoped
public class Api {

    private static final int CSV_PAGES = 100;
    private static final int ALL_PAGES = 50;

    private static final TypeReference<Object> ANY = new TypeReference<>() {
    };

    private final WebClient client;
    private final PersonTokens tokens;
    private final ConsoleConfig config;
    private final ObjectMapper json;

    public Api(WebClient client, PersonTokens tokens, ConsoleConfig config, ObjectMapper json) {
        this.client = client;
        this.tokens = tokens;
        this.config = config;
        this.json = json;
    }

    public Map<String, Object> get(Service service, Context context, String path) {
        return object(call(HttpMethod.GET, service, context, path, null, "application/json"));
    }

    /**
     * Everything a list endpoint holds: every page's {@code items}, following {@code nextCursor} (at most
     * {@value #ALL_PAGES} pages), or the array itself. For what a page offers as choices (projects, apps,
     * companies), which must all be there; lists a person browses use {@link #page}.
     */
    public List<Map<String, Object>> list(Service service, Context context, String path) {
        List<Map<String, Object>> all = new ArrayList<>();
        ApiPage page = page(service, context, path, null);
        all.addAll(page.items());
        for (int pages = 1; page.nextCursor() != null && pages < ALL_PAGES; pages++) {
            page = page(service, context, path, page.nextCursor());
            all.addAll(page.items());
        }
        return all;
    }

    /** One page of a list endpoint from {@code cursor} (the first page without one). */
    @SuppressWarnings("unchecked")
    public ApiPage page(Service service, Context context, String path, String cursor) {
        String paged = cursor == null || cursor.isBlank() ? path
                : path + (path.contains("?") ? "&" : "?") + "cursor=" + URLEncoder.encode(cursor, UTF_8);
        Object body = call(HttpMethod.GET, service, context, paged, null, "application/json");
        if (body instanceof Map<?, ?> page && page.get("items") instanceof List<?> items) {
            Object next = page.get("nextCursor");
            return new ApiPage((List<Map<String, Object>>) items, next == null ? null : next.toString());
        }
        return new ApiPage(body instanceof List<?> items ? (List<Map<String, Object>>) items : List.of(), null);
    }

    public Map<String, Object> post(Service service, Context context, String path, Object body) {
        return object(call(HttpMethod.POST, service, context, path, body, "application/json"));
    }

    public Map<String, Object> patch(Service service, Context context, String path, Object body) {
        return object(call(HttpMethod.PATCH, service, context, path, body, "application/json"));
    }

    public Map<String, Object> put(Service service, Context context, String path, Object body) {
        return object(call(HttpMethod.PUT, service, context, path, body, "application/json"));
    }

    public void delete(Service service, Context context, String path) {
        call(HttpMethod.DELETE, service, context, path, null, "application/json");
    }

    /**
     * Every page of a paged CSV report, one file: follows each page's {@code Link: <…>; rel="next"} (RFC 8288 §3)
     * and drops the header row of the pages after the first. At most {@value #CSV_PAGES} pages (of up to 200 rows
     * each), so a runaway report cannot hold the console.
     */
    public String csvPages(Service service, Context context, String path) {
        StringBuilder csv = new StringBuilder();
        String next = path;
        for (int page = 0; next != null && page < CSV_PAGES; page++) {
            HttpResponse<Buffer> response = send(HttpMethod.GET, service, context, next, null, "text/csv");
            String text = response.bodyAsString() == null ? "" : response.bodyAsString();
            if (page > 0) {
                int firstRowEnd = text.indexOf('\n');
                text = firstRowEnd < 0 ? "" : text.substring(firstRowEnd + 1);
            }
            csv.append(text);
            next = NextLink.pathOf(response.getHeader("Link"));
        }
        return csv.toString();
    }

    private Object call(HttpMethod method, Service service, Context context, String path, Object body,
            String accept) {
        HttpResponse<Buffer> response = send(method, service, context, path, body, accept);
        String text = response.bodyAsString();
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        if (!accept.equals("application/json")) {
            return text;
        }
        return parse(text);
    }

    private HttpResponse<Buffer> send(HttpMethod method, Service service, Context context, String path,
            Object body, String accept) {
        String token = tokens.accessToken(context);
        HttpRequest<Buffer> request = client.requestAbs(method, service.baseUrl(config.services()) + path)
                .bearerTokenAuthentication(token).putHeader("Accept", accept + ", application/problem+json")
                .timeout(config.apiTimeout().toMillis());
        HttpResponse<Buffer> response;
        try {
            Duration wait = config.apiTimeout().plusSeconds(1);
            response = body == null ? request.send().await().atMost(wait)
                    : request.sendJson(body).await().atMost(wait);
        } catch (RuntimeException e) {
            throw ApiProblem.unreachable(service);
        }
        if (response.statusCode() >= 400) {
            throw problem(service, response);
        }
        return response;
    }

    private ApiProblem problem(Service service, HttpResponse<Buffer> response) {
        Object body = parse(response.bodyAsString());
        if (!(body instanceof Map<?, ?> problem)) {
            // Not a problem body (a proxy's error page, say): only its status is worth showing.
            boolean failed = response.statusCode() >= 500;
            return new ApiProblem(response.statusCode(), "unknown",
                    service.displayName() + (failed ? " failed" : " refused"),
                    "It answered " + response.statusCode() + "." + (failed ? " Try again in a moment." : ""),
                    List.of());
        }
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (problem.get("errors") instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?> error) {
                    errors.add(new ApiProblem.FieldError(String.valueOf(error.get("field")),
                            String.valueOf(error.get("message"))));
                }
            }
        }
        String type = String.valueOf(problem.get("type") == null ? "about:blank" : problem.get("type"));
        return new ApiProblem(response.statusCode(), type.substring(type.lastIndexOf('/') + 1),
                text(problem.get("title"), "Refused"), text(problem.get("detail"), ""), errors);
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }

    private Object parse(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(text, ANY);
        } catch (IOException e) {
            return text;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object body) {
        return body instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
