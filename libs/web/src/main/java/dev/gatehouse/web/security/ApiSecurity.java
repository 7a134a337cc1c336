package dev.gatehouse.web.security;

/**
 * The names of the two OpenAPI security schemes every bearer-protected operation declares with MicroProfile
 * OpenAPI's {@code @SecurityRequirement}, which {@link ScopeFilter} enforces, so an operation's documented security
 * and its enforced security are one annotation:
 * <ul>
 *   <li>{@code @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "projects.read")}: any token that carries
 *   the scope (or a higher level of the same tool) and whose caller may do it; platform admins need no scope;</li>
 *   <li>{@code @SecurityRequirement(name = ApiSecurity.BEARER)} with no scope: any valid token (what the operation
 *   shows is filtered by who calls, or it is the same for everyone);</li>
 *   <li>{@code @SecurityRequirement(name = ApiSecurity.PLATFORM)}: a platform admin's token only;</li>
 *   <li>{@code @SecurityRequirementsSet} (empty): takes no bearer token at all (OAuth endpoints that authenticate
 *   clients, sign-in pages, public metadata).</li>
 * </ul>
 */
public final class ApiSecurity {

    /** A bearer token from token-service; the listed scopes are the ones it must carry. */
    public static final String BEARER = "gatehouse";
    /** A platform admin's bearer token; no scope opens it to anyone else. */
    public static final String PLATFORM = "platform";

    private ApiSecurity() {
    }
}
