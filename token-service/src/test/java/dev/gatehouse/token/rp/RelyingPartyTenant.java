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
 * logout. Its client is registered by the test (a first-party client), so the tenant is made when first needed.
 */
@ApplicationScoped
public class RelyingPartyTenant implements TenantConfigResolver {

    static final String PREFIX = "/rp/";
    static volatile String issuer;
    static volatile String clientId;
    static volatile String clientSecret;

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        if (!context.request().path().startsWith(PREFIX) || clientId == null) {
            return null;
        }
        return Uni.createFrom().item(OidcTenantConfig.authServerUrl(issuer).tenantId("rp")
                .applicationType(ApplicationType.WEB_APP).clientId(clientId).credentials(clientSecret)
                .authentication().pkceRequired().scopes("profile", "email").restorePathAfterRedirect()
                .cookiePath("/").end()
                // The ID token lives 10 minutes: asking for a refresh when under 20 minutes are left makes every
                // request after the first one refresh, which is what the test wants to see.
                .token().refreshExpired().refreshTokenTimeSkew(Duration.ofMinutes(20)).end()
                .logout().path("/rp/logout").postLogoutPath("/rp/bye").end()
                .build());
    }
}
