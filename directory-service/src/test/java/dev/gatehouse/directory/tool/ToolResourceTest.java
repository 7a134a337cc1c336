package dev.gatehouse.directory.tool;

import dev.gatehouse.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/** The catalogue a developer writes a manifest against and an admin grants permissions from. */
@QuarkusTest
class ToolResourceTest {

    @Test
    void listsTheToolsAndTheLevelsInOrder() {
        given().auth().oauth2(TestTokens.companyMember(UUID.randomUUID()).sign()).get("/tools").then()
                .statusCode(200)
                .body("levels", equalTo(List.of("none", "read_only", "standard", "admin")))
                .body("tools.name", hasItems("directory", "projects", "documents", "rfis", "submittals", "budget"))
                .body("tools.title", everyItem(not(emptyOrNullString())))
                .body("tools.find { it.name == 'directory' }.projectLevel", equalTo(true))
                .body("tools.find { it.name == 'projects' }.projectLevel", equalTo(false));
    }
}
