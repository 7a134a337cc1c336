package dev.gatehouse.token.throttle;

import io.vertx.core.http.HttpServerRequest;

/** The caller's address as this server sees it (behind a proxy, configure quarkus.http.proxy.* to trust it). */
public final class SourceAddress {

    private SourceAddress() {
    }

    public static String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
