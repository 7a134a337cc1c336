package dev.gatehouse.token.authentication;

import dev.gatehouse.token.TokenConfig;
import dev.gatehouse.token.throttle.FailureThrottle;
import dev.gatehouse.token.throttle.SharedThrottle;
import dev.gatehouse.token.throttle.ThrottleGossip;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;

/**
 * Slows down guessing of client credentials at the OAuth endpoints ({@link FailureThrottle}: per source address,
 * and per client from addresses where it has not recently authenticated), counted across all replicas.
 */
@ApplicationScoped
public class AuthenticationThrottle {

    private final SharedThrottle throttle;

    public AuthenticationThrottle(TokenConfig config, ThrottleGossip gossip) {
        this.throttle = gossip.create("client-authentication", config.throttle().addressFailures(),
                config.throttle().clientFailures(), config.throttle().window());
    }

    /** How long this attempt must wait, if it must. Checked before the secret is looked at. */
    public Optional<Duration> retryAfter(String clientId, String address) {
        return throttle.retryAfter(clientId, address);
    }

    public void failed(String clientId, String address) {
        throttle.failed(clientId, address);
    }

    public void succeeded(String clientId, String address) {
        throttle.succeeded(clientId, address);
    }

    @Scheduled(every = "1m", delayed = "1m")
    void forgetRecovered() {
        throttle.forgetRecovered();
    }
}
