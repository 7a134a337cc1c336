package dev.gatehouse.token.authorize;

import dev.gatehouse.events.apps.AppManifest;
import dev.gatehouse.events.apps.InstallationState;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.permission.Scope;
import dev.gatehouse.events.permission.ScopeCatalogue;
import dev.gatehouse.events.permission.Tool;
import dev.gatehouse.people.PeopleFeed;
import dev.gatehouse.token.TokenConfig;
import dev.gatehouse.token.company.KnownCompanyRepository;
import dev.gatehouse.token.error.OAuthException;
import dev.gatehouse.token.installation.AppVersions;
import dev.gatehouse.token.installation.InstallationTokens;
import dev.gatehouse.token.oauth.FirstPartyScopes;
import dev.gatehouse.token.session.SignInSession;
import dev.gatehouse.token.signin.Csrf;
import dev.gatehouse.token.signin.Pages;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple3;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The authorization endpoint's step for apps acting for a person (docs/security.md, "Apps acting for people"):
 * between the sign-in and the code. The app must be installed and active in the company the request names, and the
 * person a member of it; the scopes asked must be the installation's. What the person has not approved yet (scopes,
 * and the installation's tool permissions, which bound what the app may do for them) is asked on the consent page;
 * what they approved before is not asked again. {@code prompt=consent} asks again; {@code prompt=none} without
 * approval is {@code consent_required} (OpenID Connect Core §3.1.2.6).
 */
@ApplicationScoped
public class AppAuthorization {

    private final InstallationTokens installations;
    private final AppVersions versions;
    private final PeopleFeed people;
    private final Consents consents;
    private final ConsentRequests requests;
    private final AuthorizationCodes codes;
    private final KnownCompanyRepository companies;
    private final Pages pages;
    private final Csrf csrf;
    private final Template consentPage;
    private final TokenConfig config;

    public AppAuthorization(InstallationTokens installations, AppVersions versions, PeopleFeed people,
            Consents consents, ConsentRequests requests, AuthorizationCodes codes, KnownCompanyRepository companies,
            Pages pages, Csrf csrf, @Location("signin/consent.html") Template consentPage, TokenConfig config) {
        this.installations = installations;
        this.versions = versions;
        this.people = people;
        this.consents = consents;
        this.requests = requests;
        this.codes = codes;
        this.companies = companies;
        this.pages = pages;
        this.csrf = csrf;
        this.consentPage = consentPage;
        this.config = config;
    }

    /** A code, an error for the app, the page that says the app cannot be used here, or the consent page. */
    Uni<Response> decide(AuthorizationRequest request, SignInSession session, String rawQuery, HttpHeaders headers) {
        UUID company = request.company().orElseThrow();
        if (people.companyRole(company, session.accountId).isEmpty()) {
            throw new AuthorizationError(request.target(), "access_denied",
                    "You are not a member of company " + company);
        }
        return installations.requireActive(request.client().clientId(), company)
                .chain(active -> withInstallation(request, session, rawQuery, headers, active.state()))
                .onFailure(OAuthException.class).recoverWithItem(e -> pages.message(403,
                        request.client().name() + " cannot be used in this company yet",
                        e.getMessage() + ". An admin of the company must install the app (or turn it on) before "
                                + "you can authorize it; a member can ask for it with an install request in the "
                                + "company's App Management.", "error"));
    }

    private Uni<Response> withInstallation(AuthorizationRequest request, SignInSession session, String rawQuery,
            HttpHeaders headers, InstallationState installation) {
        List<String> asked = request.scopes().stream().filter(s -> ScopeCatalogue.byName(s).isPresent()).toList();
        List<String> beyond = asked.stream().filter(s -> !installation.scopes().contains(s)).toList();
        if (!beyond.isEmpty()) {
            throw new AuthorizationError(request.target(), "invalid_scope", "The app's installation does not have "
                    + "these scopes: " + String.join(" ", beyond));
        }
        List<String> catalogue = asked.isEmpty() ? installation.scopes() : asked;
        List<String> settled = new ArrayList<>(request.scopes().stream().filter(FirstPartyScopes.ALL::contains)
                .toList());
        settled.addAll(catalogue);
        AuthorizationRequest ready = request.withScopes(settled);
        AppAsk ask = AppAsk.of(catalogue, installation);
        return consents.find(session.accountId, request.client().clientId(), installation.companyId())
                .chain(approval -> {
                    AppAsk more = ask.beyond(approval.map(Consents.Approval::approved).orElse(AppAsk.NOTHING));
                    boolean forced = request.prompt().contains("consent");
                    if (more.isEmpty() && !forced) {
                        return codes.issue(ready, session.accountId, session.id, session.authTime, session.amr,
                                installation.installationId()).map(code -> AuthorizationEndpoint.redirect(
                                        ready.target().redirectUri(), Redirects.answer(ready.target().state(),
                                                config.issuer(), "code", code)));
                    }
                    if (request.prompt().contains(AuthorizationRequest.PROMPT_NONE)) {
                        throw new AuthorizationError(request.target(), "consent_required",
                                "The person has not approved what the app asks for");
                    }
                    AppAsk shown = forced ? ask : more;
                    return consentPage(ready, session, rawQuery, headers, installation, shown,
                            approval.isPresent() && !forced);
                });
    }

    private Uni<Response> consentPage(AuthorizationRequest request, SignInSession session, String rawQuery,
            HttpHeaders headers, InstallationState installation, AppAsk shown, boolean more) {
        ConsentRequests.Pending pending = new ConsentRequests.Pending(session.accountId, request.client().clientId(),
                installation.companyId(), installation.installationId(), withoutPrompt(rawQuery),
                request.target().redirectUri(), request.target().state(), shown);
        Uni<Optional<AppVersions.Published>> published = versions.of(request.client().clientId(),
                installation.version());
        Uni<String> companyName = Panache.withSession(() -> companies.findById(installation.companyId()))
                .map(c -> c == null ? installation.companyId().toString() : c.name);
        // One after another: the two reads share the request's Hibernate session, which allows one at a time.
        return published.chain(p -> companyName.chain(name -> requests.open(session.id, pending)
                .map(ticket -> Tuple3.of(ticket, p, name)))).map(t -> {
                    AppManifest manifest = t.getItem2().map(AppVersions.Published::manifest).orElse(null);
                    Map<String, String> why = manifest == null || manifest.justifications() == null ? Map.of()
                            : manifest.justifications();
                    String token = csrf.token(headers);
                    boolean highRisk = shown.company().getOrDefault(Tool.DIRECTORY.wireName(), AccessLevel.NONE)
                            == AccessLevel.ADMIN;
                    return pages.html(200, consentPage.data("appName", request.client().name())
                            .data("publisher", t.getItem2().map(AppVersions.Published::publisher).orElse(null))
                            .data("companyName", t.getItem3()).data("more", more).data("highRisk", highRisk)
                            .data("scopes", scopeLines(shown, why))
                            .data("permissions", permissionLines(shown, why))
                            .data("ticket", t.getItem1()).data("csrf", token), csrf.cookie(token));
                });
    }

    /** One asked scope as the page shows it. */
    public record ScopeLine(String name, String description, String justification) {
    }

    /** One asked tool permission as the page shows it. */
    public record PermissionLine(String tool, String level, String where, String justification) {
    }

    private static List<ScopeLine> scopeLines(AppAsk shown, Map<String, String> why) {
        return shown.scopes().stream().map(s -> new ScopeLine(s, ScopeCatalogue.byName(s)
                .map(Scope::description).orElse(s), why.get(s))).toList();
    }

    private static List<PermissionLine> permissionLines(AppAsk shown, Map<String, String> why) {
        List<PermissionLine> lines = new ArrayList<>();
        shown.company().forEach((tool, level) -> lines.add(new PermissionLine(tool, level.wireName(),
                "company-wide", why.get(tool))));
        shown.project().forEach((tool, level) -> lines.add(new PermissionLine(tool, level.wireName(),
                "on the projects the company permits it", why.get(tool))));
        return lines;
    }

    /** The request to come back to once approved: without {@code prompt}, which the approval answered. */
    private static String withoutPrompt(String rawQuery) {
        return AuthorizationEndpoint.queryWithout(rawQuery, Set.of("prompt"));
    }
}
