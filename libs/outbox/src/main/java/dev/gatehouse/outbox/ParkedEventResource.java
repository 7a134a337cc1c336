package dev.gatehouse.outbox;

import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * {@code /admin/parked-events}: the events this service's consumers parked, for platform admins (operators) to
 * inspect, replay or discard. Every service has it; one without consumers lists nothing.
 */
@Path("/admin/parked-events")
@Authenticated
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.PLATFORM)
public class ParkedEventResource {

    private final ParkedEventService parked;
    private final Caller caller;

    public ParkedEventResource(ParkedEventService parked, Caller caller) {
        this.parked = parked;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List parked events (status open by default; replayed, discarded or all)")
    public Uni<Page<ParkedEventService.View>> list(@QueryParam("status") String status,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        caller.requirePlatformAdmin();
        return parked.list(status, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One parked event, with its envelope and why it failed")
    public Uni<ParkedEventService.View> get(@PathParam("id") UUID id) {
        caller.requirePlatformAdmin();
        return parked.get(id);
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Apply it, then the events parked behind it, in order; stops at the first that fails again")
    @APIResponse(responseCode = "409",
            description = "Already replayed or discarded, or it waits behind an older parked event of the same "
            + "consumer and partition")
    @APIResponseSchema(value = ParkedEventService.Replay.class,
            responseDescription = "What was replayed, and what is still parked")
    public Uni<ParkedEventService.Replay> replay(@PathParam("id") UUID id) {
        caller.requirePlatformAdmin();
        return parked.replay(id);
    }

    @POST
    @Path("/{id}/discard")
    @Operation(summary = "Skip it for good; the next event parked behind it becomes the one to replay")
    @APIResponse(responseCode = "409", description = "Already replayed or discarded")
    @APIResponseSchema(value = ParkedEventService.View.class, responseDescription = "The parked event")
    public Uni<ParkedEventService.View> discard(@PathParam("id") UUID id) {
        caller.requirePlatformAdmin();
        return parked.discard(id);
    }
}
