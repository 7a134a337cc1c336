package dev.gatehouse.audit.trail;

import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.problem.Problem;
import dev.gatehouse.web.problem.ProblemException;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code /audit/events}: the trail, newest first. A company admin reads their company's trail; only a platform
 * admin may read across companies.
 */
@Path("/audit/events")
@Authenticated
@Tag(name = "Audit trail")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.BEARER, scopes = "audit.read")
public class AuditEventResource {

    private final AuditTrailService trail;
    private final Caller caller;

    public AuditEventResource(AuditTrailService trail, Caller caller) {
        this.trail = trail;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List audit events, newest first; from is inclusive, to exclusive (ISO-8601 instants); "
            + "filters by type, app, installation, OAuth client and actor")
    public Uni<Page<AuditEventResponse>> list(@QueryParam("companyId") String companyId,
            @QueryParam("type") String type, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("appId") String appId, @QueryParam("installationId") String installationId,
            @QueryParam("clientId") String clientId, @QueryParam("actorId") String actorId,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        UUID company = parse(companyId, "companyId", UUID::fromString, errors);
        Instant fromTime = parse(from, "from", Instant::parse, errors);
        Instant toTime = parse(to, "to", Instant::parse, errors);
        UUID app = parse(appId, "appId", UUID::fromString, errors);
        UUID installation = parse(installationId, "installationId", UUID::fromString, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (company == null) {
            caller.requirePlatformAdmin();
        } else {
            caller.requireCompanyAdmin(company);
        }
        PageRequest page = PageRequest.of(limit, cursor);
        return trail.list(new AuditQuery(company, blankToNull(type), fromTime, toTime, app, installation,
                blankToNull(clientId), blankToNull(actorId)), page);
    }

    private static <T> T parse(String raw, String field, java.util.function.Function<String, T> parser,
            List<Problem.FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return parser.apply(raw.strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, field.equals("from") || field.equals("to")
                    ? "must be an ISO-8601 instant such as 2026-11-22T10:00:00Z" : "must be a UUID"));
            return null;
        }
    }

    private static String blankToNull(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
