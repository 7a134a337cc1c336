package dev.gatehouse.web;

import dev.gatehouse.web.problem.OAuthEndpoints;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * The request size limits, refused with a body a client can read. Netty's HTTP decoder answers a request line or
 * headers over its limits with an empty 414 or 431, and Quarkus's body limit an empty 413, all before any
 * application code. So the decoder's limits are set well above ours ({@code META-INF/microprofile-config.properties}
 * of this library), and this route, early on the router, applies ours: RFC 9457 problems (RFC 6749 §5.2 errors on
 * the OAuth endpoints), and {@code Connection: close} when a body is refused unread (RFC 9110 §15.5.14).
 */
@ApplicationScoped
public class HttpLimits {

    /** Per RFC 9112 §5.1: each header line is its name, ": ", its value and CRLF. */
    private static final int HEADER_LINE_OVERHEAD = 4;

    private final int maxUriLength;
    private final int maxHeaderBytes;
    private final long maxBodyBytes;
    private final BodyHandler chunkedBodies;

    public HttpLimits(@ConfigProperty(name = "gatehouse.http.max-uri-length", defaultValue = "4096") int maxUriLength,
            @ConfigProperty(name = "gatehouse.http.max-header-size", defaultValue = "20K") MemorySize maxHeaderSize,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
            MemorySize maxBodySize) {
        this.maxUriLength = maxUriLength;
        this.maxHeaderBytes = (int) Math.min(Integer.MAX_VALUE, maxHeaderSize.asLongValue());
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
    }

    void install(@Observes Router router) {
        // before Quarkus's own body limit (ROUTE_ORDER_UPLOAD_LIMIT), which answers without a body
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check)
                .failureHandler(this::bodyTooLarge);
    }

    /**
     * A body sent in chunks has no Content-Length to judge before reading it, and REST's reader would cut it off with
     * an empty 413: read it here, under the same limit, so that going over it fails this route instead. (Not the
     * OAuth endpoints' forms: REST reads those itself, so a chunked form over the limit still gets the empty 413.)
     */
    private void readChunkedBody(RoutingContext context) {
        chunkedBodies.handle(context);
    }

    private void bodyTooLarge(RoutingContext context) {
        if (context.statusCode() == 413) {
            HttpErrors.refuse(context, 413, "Content Too Large", "The request body is larger than " + maxBodyBytes
                    + " bytes", true);
        } else {
            context.next();
        }
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > maxUriLength) {
            HttpErrors.refuse(context, 414, "URI Too Long", "The request URI is longer than " + maxUriLength
                    + " characters", false);
        } else if (headerBytes(request.headers()) > maxHeaderBytes) {
            HttpErrors.refuse(context, 431, "Request Header Fields Too Large", "The request headers are larger than "
                    + maxHeaderBytes + " bytes", false);
        } else if (declaredBodyBytes(request) > maxBodyBytes) {
            HttpErrors.refuse(context, 413, "Content Too Large", "The request body is larger than " + maxBodyBytes
                    + " bytes", true);
        } else if (request.getHeader(HttpHeaders.CONTENT_LENGTH) == null
                && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null && !OAuthEndpoints.serve(request.path())) {
            readChunkedBody(context);
        } else {
            context.next();
        }
    }

    private static long headerBytes(MultiMap headers) {
        long total = 0;
        for (Map.Entry<String, String> header : headers) {
            total += header.getKey().length() + header.getValue().length() + HEADER_LINE_OVERHEAD;
        }
        return total;
    }

    private static long declaredBodyBytes(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return 0;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return 0; // the codec refuses a malformed Content-Length itself
        }
    }
}
