package dev.gatehouse.token.rp;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * A stock quarkus-oidc {@code web-app} relying party for {@link QuarkusOidcRelyingPartyTest}, configured as the
 * console will be: from token-service's discovery document alone, PKCE, refresh of expiring tokens, RP-initiated
 * logout. Its client is registered by the test (a first-party client, or an installed app's acting for people), so
 * the tenant is made when first needed.
 */
@ApplicationScoped
public class RelyingPartyTenant implements TenantConfigResolver {

    static final String PREFIX = "/rp/";
    static volatile String issuer;
    static volatile String clientId;
    static volatile String clientSecret;
    /** Set for an installed app's client: the company it is authorized in. */
    static volatile String companyId;

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        if (!context.request().path().startsWith(PREFIX) || clientId == null) {
            return null;
        }
        var authentication = OidcTenantConfig.authServerUrl(issuer).tenantId(companyId == null ? "rp" : "rp-app")
                .applicationType(ApplicationType.WEB_APP).clientId(clientId).credentials(clientSecret)
                .authentication().pkceRequired().scopes("profile", "email").restorePathAfterRedirect()
                .cookiePath("/");
        if (companyId != null) {
            // An installed app acting for the person names the company in the authorization request.
            authentication.extraParam("company_id", companyId);
        }
        return Uni.createFrom().item(authentication.end()
                // The ID token lives 10 minutes: asking for a refresh when under 20 minutes are left makes every
                // request after the first one refresh, which is what the test wants to see.
                .token().refreshExpired().refreshTokenTimeSkew(Duration.ofMinutes(20)).end()
                .logout().path("/rp/logout").postLogoutPath("/rp/bye").end()
                .build());
    }
}
