package dev.gatehouse.apps.listingreview;

import dev.gatehouse.apps.app.AppResponse;
import dev.gatehouse.apps.app.ListingStatus;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
 * {@code /listing-reviews}: the platform admins' queue of marketplace apps waiting to be listed, and their decision
 * on each. The app's developers see the outcome (and a rejection's reason) on {@code GET /apps/{appId}}.
 */
@Path("/listing-reviews")
@Authenticated
@Tag(name = "Listing reviews")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.PLATFORM)
public class ListingReviewResource {

    private final ListingReviewService service;
    private final Caller caller;

    public ListingReviewResource(ListingReviewService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Marketplace apps by listing status, oldest first: pending (the default) waits for review")
    public Uni<Page<AppResponse>> queue(@QueryParam("status") @DefaultValue("pending") ListingStatus status,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        caller.requirePlatformAdmin();
        return service.queue(status, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{appId}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a pending listing, with an optional note: the app appears in every company's "
            + "catalogue (its default binding counts from now)")
    @APIResponseSchema(value = AppResponse.class, responseDescription = "The app, listed")
    @APIResponse(responseCode = "409", description = "A company's own app, or not waiting for review")
    public Uni<AppResponse> approve(@PathParam("appId") UUID appId, @Valid ListingDecision body) {
        caller.requirePlatformAdmin();
        return service.decide(appId, true, body == null ? null : body.note(), caller.actor()).map(AppResponse::of);
    }

    @POST
    @Path("/{appId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a pending listing with a note the developer sees as the reason; publishing a new "
            + "version asks for review again")
    @APIResponseSchema(value = AppResponse.class, responseDescription = "The app, not listed")
    @APIResponse(responseCode = "409", description = "A company's own app, or not waiting for review")
    public Uni<AppResponse> reject(@PathParam("appId") UUID appId, @Valid ListingDecision body) {
        caller.requirePlatformAdmin();
        return service.decide(appId, false, body == null ? null : body.note(), caller.actor()).map(AppResponse::of);
    }
}
