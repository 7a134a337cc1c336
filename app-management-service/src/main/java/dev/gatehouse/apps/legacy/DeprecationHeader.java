package dev.gatehouse.apps.legacy;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.time.Instant;

/**
 * RFC 9745: {@code Deprecation: @<epoch seconds>} tells clients, in every response, that the resource is deprecated
 * and since when (RFC 9745 §2.1, a Structured Field Date). Legacy service accounts were deprecated from the day
 * Gatehouse shipped them, 2026-11-23.
 */
@Provider
@DeprecatedApi
public class DeprecationHeader implements ContainerResponseFilter {

    static final Instant DEPRECATED_SINCE = Instant.parse("2026-11-23T00:00:00Z");
    static final String VALUE = "@" + DEPRECATED_SINCE.getEpochSecond();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Deprecation", VALUE);
    }
}
