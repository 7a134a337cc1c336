package dev.gatehouse.web.openapi;

import dev.gatehouse.web.security.ApiSecurity;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The two security schemes operations name ({@link ApiSecurity}): a bearer token whose listed scopes it must carry
 * (OpenAPI 3.1 §4.8.30 lets an {@code http} scheme's requirement list them), and a platform admin's token.
 */
final class SecuritySchemes {

    private SecuritySchemes() {
    }

    static void describe(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSecurityScheme(ApiSecurity.BEARER, bearer("A bearer token from token-service. An operation "
                + "that lists a scope needs a token carrying it, or a higher level of the same tool "
                + "(`projects.admin` covers `projects.read`), unless the token is a platform admin's; the caller's "
                + "permissions apply as well. The scope catalogue: `GET /scopes` on directory-service."));
        components.addSecurityScheme(ApiSecurity.PLATFORM, bearer("A platform admin's bearer token from "
                + "token-service; no other token, whatever its scopes."));
    }

    private static SecurityScheme bearer(String description) {
        return OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description(description);
    }
}
