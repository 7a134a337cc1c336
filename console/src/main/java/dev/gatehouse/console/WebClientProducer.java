package dev.gatehouse.console;

import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One HTTP client, on Quarkus's Vert.x, for token-service's token endpoint and the four services' APIs. */
public class WebClientProducer {

    @Produces
    @Singleton
    WebClient webClient(Vertx vertx, ConsoleConfig config) {
        int timeout = (int) config.apiTimeout().toMillis();
        return WebClient.create(vertx, new WebClientOptions().setConnectTimeout(timeout).setIdleTimeout(60)
                .setUserAgent("gatehouse-console").setFollowRedirects(false));
    }

    void close(@Disposes WebClient client) {
        client.close();
    }
}
