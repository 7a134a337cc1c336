package dev.gatehouse.token.endpoint;

import dev.gatehouse.events.permission.ScopeCatalogue;
import dev.gatehouse.token.client.RegisteredClient;
import dev.gatehouse.token.issue.TokenVerifier;

import java.util.Objects;
import java.util.UUID;

/**
 * Who may learn what a token is (RFC 7662 §4: the server decides which protected resources may introspect which
 * tokens, so that a token cannot be probed by any client). Allowed: the client the token was issued to; the
 * platform's own clients; and a company's service account that holds the {@value #SCOPE} scope, for tokens that act
 * in its own company (a resource server run by that company). Anyone else is told {@code {"active": false}}, the
 * same answer as for a dead token.
 */
final class IntrospectionPolicy {

    /** The scope that makes a company service account a resource server for its company. */
    static final String SCOPE = ScopeCatalogue.TOKEN_INTROSPECT;

    private IntrospectionPolicy() {
    }

    static boolean mayIntrospect(RegisteredClient caller, TokenVerifier.Verified token) {
        if (caller.clientId().equals(token.client().clientId()) || caller.isPlatform()) {
            return true;
        }
        UUID callerCompany = caller.owner().companyId();
        return callerCompany != null && caller.scopes().contains(SCOPE)
                && Objects.equals(callerCompany, token.companyId());
    }
}
