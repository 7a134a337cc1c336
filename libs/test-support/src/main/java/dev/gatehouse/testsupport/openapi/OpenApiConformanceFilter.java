package dev.gatehouse.testsupport.openapi;

import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A rest-assured filter that holds every answer the service under test gives a test to the service's own OpenAPI
 * document ({@code /q/openapi}), and fails the test on the first thing the document does not promise. Installed for
 * every {@code @QuarkusTest} by {@link OpenApiConformanceCallback}, so the documents are proven by every test that
 * exists and by each new one. Only calls to the application under test (rest-assured's current port) are checked.
 */
public final class OpenApiConformanceFilter implements OrderedFilter {

    private final Map<Integer, OpenApiDocument> documents = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (uri.getPort() != RestAssured.port || !uri.getHost().equals("localhost")) {
            return response;
        }
        OpenApiDocument document = documents.computeIfAbsent(uri.getPort(), this::fetch);
        Object body = request.getBody();
        boolean requestHadBody = body != null && !(body instanceof String s && s.isEmpty())
                || !request.getFormParams().isEmpty();
        List<String> violations = document.violations(new OpenApiDocument.Exchange(request.getMethod(),
                uri.getRawPath(), requestHadBody, response.statusCode(), response.contentType(),
                response.asString()));
        if (!violations.isEmpty()) {
            throw new AssertionError("The answer does not match the service's OpenAPI document:\n  "
                    + String.join("\n  ", violations) + "\nBody: " + abbreviate(response.asString()));
        }
        return response;
    }

    /** First in the chain, so the answer reaches it last, as the test will see it. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    private OpenApiDocument fetch(int port) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("/q/openapi answered " + answer.statusCode());
            }
            return OpenApiDocument.parse(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the service's OpenAPI document", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the OpenAPI document", e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 500 ? body : body.substring(0, 500) + "…";
    }
}
