package dev.gatehouse.apps.version;

import dev.gatehouse.apps.app.App;
import dev.gatehouse.apps.app.AppService;
import dev.gatehouse.apps.manifest.ManifestValidator;
import dev.gatehouse.events.apps.AppManifest;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** {@code /apps/{appId}/versions}: the app's developers draft, edit and publish versions. */
@Path("/apps/{appId}/versions")
@Authenticated
@Tag(name = "App versions")
@Produces(MediaType.APPLICATION_JSON)
public class VersionResource {

    private final VersionService versions;
    private final AppService apps;
    private final ManifestValidator validator;
    private final Caller caller;

    public VersionResource(VersionService versions, AppService apps, ManifestValidator validator, Caller caller) {
        this.versions = versions;
        this.apps = apps;
        this.validator = validator;
        this.caller = caller;
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.write")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft a new version with its manifest (the app's developers)")
    @APIResponseSchema(value = VersionResponse.class, responseCode = "201",
            responseDescription = "Drafted; Location names it")
    @APIResponse(responseCode = "409", description = "The version is not higher than every version the app already has")
    public Uni<Response> draft(@PathParam("appId") UUID appId,
            @Valid @NotNull(message = "a JSON body is required") VersionRequest request, UriInfo uri) {
        return ownApp(appId).chain(app -> {
            AppManifest manifest = validator.validate(request.manifest());
            return versions.draft(app, request.version(), manifest, caller.actor());
        }).map(v -> Response.created(uri.getAbsolutePathBuilder().path(v.version).build())
                .entity(VersionResponse.of(v)).build());
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.read")
    @Operation(summary = "An app's versions, oldest first (the app's developers)")
    public Uni<List<VersionResponse>> list(@PathParam("appId") UUID appId) {
        return ownApp(appId).chain(versions::list).map(list -> list.stream().map(VersionResponse::of).toList());
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.read")
    @Path("/{version}")
    @Operation(summary = "One version and its manifest (the app's developers)")
    public Uni<VersionResponse> get(@PathParam("appId") UUID appId, @PathParam("version") String version) {
        return ownApp(appId).chain(app -> versions.get(app, version)).map(VersionResponse::of);
    }

    @PUT
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.write")
    @Path("/{version}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a draft's manifest (the app's developers); 409 once published")
    @APIResponse(responseCode = "409", description = "The version is published and can no longer change")
    @APIResponseSchema(value = VersionResponse.class, responseDescription = "The version")
    public Uni<VersionResponse> replace(@PathParam("appId") UUID appId, @PathParam("version") String version,
            @NotNull(message = "a JSON body is required") ManifestRequest request) {
        return ownApp(appId).chain(app -> versions.replaceManifest(app, version,
                validator.validate(request.manifest()))).map(VersionResponse::of);
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.write")
    @Path("/{version}/publish")
    @Operation(summary = "Publish a draft (the app's developers): it never changes again and companies may install it")
    @APIResponseSchema(value = VersionResponse.class, responseDescription = "The version")
    public Uni<VersionResponse> publish(@PathParam("appId") UUID appId, @PathParam("version") String version) {
        return ownApp(appId).chain(app -> versions.publish(app, version, caller.actor())).map(VersionResponse::of);
    }

    private Uni<App> ownApp(UUID appId) {
        return apps.get(appId).invoke(app -> caller.requireDeveloperOf(app.developerOrgId));
    }
}
