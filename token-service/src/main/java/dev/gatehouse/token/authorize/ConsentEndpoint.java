package dev.gatehouse.token.authorize;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.ConsentGranted;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.outbox.GroupCommitOutbox;
import dev.gatehouse.token.TokenConfig;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.session.SessionCookie;
import dev.gatehouse.token.session.Sessions;
import dev.gatehouse.token.signin.Csrf;
import dev.gatehouse.token.signin.Pages;
import dev.gatehouse.token.signin.ReturnTo;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

import java.net.URI;

/**
 * The consent page's answer. Allowed: the approval is remembered (with what it adds to an earlier one) and the
 * browser goes back to the authorization request, which now needs no consent and gives the app its code. Denied:
 * back to the app with {@code access_denied} (RFC 6749 §4.1.2.1). The form must carry the browser's CSRF token and
 * a ticket of this sign-in session that was not answered before and has not expired ({@link ConsentRequests});
 * anything else gets a page that says so and changes nothing.
 */
@Path("/oauth2/authorize/consent")
@PermitAll
@SecurityRequirementsSet
public class ConsentEndpoint {

    static final String APPROVE = "approve";
    static final String DENY = "deny";

    private final Sessions sessions;
    private final SessionCookie cookies;
    private final Csrf csrf;
    private final ConsentRequests requests;
    private final Consents consents;
    private final GroupCommitOutbox outbox;
    private final Pool pool;
    private final Pages pages;
    private final TokenConfig config;

    public ConsentEndpoint(Sessions sessions, SessionCookie cookies, Csrf csrf, ConsentRequests requests,
            Consents consents, GroupCommitOutbox outbox, Pool pool, Pages pages, TokenConfig config) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.csrf = csrf;
        this.requests = requests;
        this.consents = consents;
        this.outbox = outbox;
        this.pool = pool;
        this.pages = pages;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> answer(@FormParam("ticket") String ticket, @FormParam("decision") String decision,
            @FormParam(Csrf.FIELD) String csrfToken, @Context HttpHeaders headers) {
        if (!csrf.valid(headers, csrfToken)) {
            return Uni.createFrom().item(pages.message(400, "This page has expired",
                    "The form was not sent from this browser's own page. Go back to the app and try again.",
                    "error"));
        }
        if (!APPROVE.equals(decision) && !DENY.equals(decision)) {
            return Uni.createFrom().item(pages.message(400, "No answer",
                    "Choose Allow or Deny on the consent page.", "error"));
        }
        String cookie = cookies.value(headers, SessionCookie.SESSION);
        return Panache.withSession(() -> sessions.current(cookie)).chain(current -> {
            if (current.isEmpty()) {
                return Uni.createFrom().item(pages.message(400, "You are signed out",
                        "Your sign-in ended before you answered. Go back to the app and start again.", "error"));
            }
            return Uni.createFrom().completionStage(() -> pool.withTransaction(connection -> Future
                    .fromCompletionStage(requests.answer(connection, ticket, current.get().session().id)
                            .call(answer -> answer.pending() == null || DENY.equals(decision)
                                    ? Uni.createFrom().voidItem()
                                    : consents.approve(connection, answer.pending().accountId(),
                                            answer.pending().clientId(), answer.pending().companyId(),
                                            answer.pending().asked())
                                    .call(() -> granted(connection, answer.pending())))
                            .subscribeAsCompletionStage())).toCompletionStage()).map(answer -> respond(answer,
                    decision));
        });
    }

    private Uni<Void> granted(SqlClient connection, ConsentRequests.Pending pending) {
        EventEnvelope event = EventEnvelope.of(TokenEvents.CONSENT_GRANTED, TokenService.NAME, pending.companyId(),
                new Actor(Actor.USER, pending.accountId().toString()), pending.accountId().toString(),
                new ConsentGranted(pending.accountId(), pending.clientId(), pending.companyId(),
                        pending.installationId(), pending.asked().scopes(), pending.asked().company(),
                        pending.asked().project()));
        return Uni.createFrom().completionStage(() -> outbox.appendOn(connection, event).toCompletionStage());
    }

    private Response respond(ConsentRequests.Answer answer, String decision) {
        if (answer.pending() == null) {
            return switch (answer.refusal()) {
                case ANSWERED -> pages.message(400, "Already answered",
                        "This consent page was answered before. Go back to the app and start again.", "error");
                case EXPIRED -> pages.message(400, "This page has expired",
                        "The consent page is valid for ten minutes. Go back to the app and start again.", "error");
                default -> pages.message(400, "This consent request is not valid",
                        "It was not shown to this sign-in. Go back to the app and start again.", "error");
            };
        }
        ConsentRequests.Pending pending = answer.pending();
        if (DENY.equals(decision)) {
            return AuthorizationEndpoint.redirect(pending.redirectUri(), Redirects.answer(pending.state(),
                    config.issuer(), "error", "access_denied", "error_description",
                    "The person denied the app's request"));
        }
        return pages.seeOther(URI.create(ReturnTo.AUTHORIZE + pending.query()));
    }
}
