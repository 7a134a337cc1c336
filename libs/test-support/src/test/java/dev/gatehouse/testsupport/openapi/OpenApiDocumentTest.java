package dev.gatehouse.testsupport.openapi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "paths": {
              "/things": {"post": {
                "requestBody": {"required": true, "content": {"application/json": {}}},
                "responses": {
                  "201": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                  "204": {"description": "gone"},
                  "409": {"content": {"application/problem+json": {"schema": {"type": "object"}}}}}}},
              "/things/{id}": {"get": {"responses": {
                  "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}},
              "/things/special": {"get": {"responses": {"200": {"description": "no body"}}}}},
             "components": {"schemas": {"Thing": {"type": "object", "required": ["id"],
               "properties": {"id": {"type": "string"}, "note": {"type": ["string", "null"]},
                              "count": {"type": "integer"}}}}}}
            """;

    private final OpenApiDocument document = OpenApiDocument.parse(DOCUMENT);

    private static OpenApiDocument.Exchange post(int status, String type, String body) {
        return new OpenApiDocument.Exchange("POST", "/things", true, status, type, body);
    }

    @Test
    void anAnswerAsDocumentedConforms() {
        assertThat(document.violations(post(201, "application/json", "{\"id\": \"a\", \"note\": null}"))).isEmpty();
        assertThat(document.violations(post(204, null, ""))).isEmpty();
    }

    @Test
    void anUndocumentedStatusIsReported() {
        assertThat(document.violations(post(200, "application/json", "{\"id\": \"a\"}")))
                .singleElement().asString().contains("answered 200").contains("201, 204, 409");
    }

    @Test
    void aBodyThatBreaksItsReferencedSchemaIsReported() {
        assertThat(document.violations(post(201, "application/json", "{\"note\": \"x\"}")))
                .singleElement().asString().contains("id");
        assertThat(document.violations(post(201, "application/json", "{\"id\": \"a\", \"count\": null}")))
                .singleElement().asString().contains("count");
    }

    @Test
    void anotherMediaTypeOrAMissingOrExtraBodyIsReported() {
        assertThat(document.violations(post(409, "application/json", "{}"))).singleElement().asString()
                .contains("application/json").contains("application/problem+json");
        assertThat(document.violations(post(201, "application/json", ""))).singleElement().asString()
                .contains("has none");
        assertThat(document.violations(post(204, "application/json", "{}"))).singleElement().asString()
                .contains("without a body");
    }

    @Test
    void aRequiredBodyThatWasNotSentYetSucceededIsReported() {
        assertThat(document.violations(new OpenApiDocument.Exchange("POST", "/things", false, 204, null, "")))
                .singleElement().asString().contains("required");
    }

    @Test
    void literalSegmentsWinAndUndescribedPathsAreNotJudged() {
        assertThat(document.violations(new OpenApiDocument.Exchange("GET", "/things/special", false, 200, null, "")))
                .isEmpty();
        assertThat(document.violations(new OpenApiDocument.Exchange("GET", "/things/x", false, 200,
                "application/json", "{\"id\": 1}"))).singleElement().asString().contains("id");
        assertThat(document.violations(new OpenApiDocument.Exchange("GET", "/q/health", false, 200, null, "{}")))
                .isEmpty();
        assertThat(document.violations(new OpenApiDocument.Exchange("DELETE", "/things", false, 200, null, "")))
                .singleElement().asString().contains("not in the document");
    }
}
