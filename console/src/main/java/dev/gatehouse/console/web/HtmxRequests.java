package dev.gatehouse.console.web;

import io.quarkus.oidc.JavaScriptRequestChecker;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * htmx's requests ({@code HX-Request: true}) cannot follow quarkus-oidc's redirect to token-service's sign-in page:
 * when the session has ended they get 499 instead, and console.js reloads the page, which signs in as a browser does.
 */
@ApplicationScoped
public class HtmxRequests implements JavaScriptRequestChecker {

    @Override
    public boolean isJavaScriptRequest(RoutingContext context) {
        return "true".equals(context.request().getHeader("HX-Request"));
    }
}
