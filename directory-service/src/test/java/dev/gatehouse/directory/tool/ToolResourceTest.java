package dev.gatehouse.directory.tool;

import dev.gatehouse.events.permission.ScopeCatalogue;
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

/** The catalogues a developer writes a manifest against and an admin grants permissions and scopes from. */
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

    @Test
    void listsEveryScopeWithTheToolAndLevelItAllows() {
        given().auth().oauth2(TestTokens.noRole().scope().sign()).get("/scopes").then().statusCode(200)
                .body("name", equalTo(ScopeCatalogue.names()))
                .body("find { it.name == 'projects.read' }.tool", equalTo("projects"))
                .body("find { it.name == 'projects.read' }.level", equalTo("read_only"))
                .body("find { it.name == 'projects.read' }.kind", equalTo("tool"))
                .body("find { it.name == 'budget.write' }.level", equalTo("standard"))
                .body("find { it.name == 'app_management.admin' }.kind", equalTo("gatehouse"))
                .body("description", everyItem(not(emptyOrNullString())));
    }
}
