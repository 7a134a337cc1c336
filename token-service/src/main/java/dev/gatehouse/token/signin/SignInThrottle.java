package dev.gatehouse.token.signin;

import dev.gatehouse.token.SignInConfig;
import dev.gatehouse.token.account.Account;
import dev.gatehouse.token.throttle.FailureThrottle;
import dev.gatehouse.token.throttle.SharedThrottle;
import dev.gatehouse.token.throttle.ThrottleGossip;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;

/**
 * Failed sign-ins, throttled like failed client authentications ({@link FailureThrottle}): per source address,
 * and per e-mail address from addresses where it has not signed in recently. Unknown addresses are counted like
 * known ones, so the throttle does not tell which e-mail addresses have accounts. Counted across all replicas.
 */
@ApplicationScoped
public class SignInThrottle {

    private final SharedThrottle throttle;

    public SignInThrottle(SignInConfig config, ThrottleGossip gossip) {
        this.throttle = gossip.create("sign-in", config.throttle().addressFailures(),
                config.throttle().accountFailures(), config.throttle().window());
    }

    public Optional<Duration> retryAfter(String email, String address) {
        return throttle.retryAfter(Account.key(email), address);
    }

    public void failed(String email, String address) {
        throttle.failed(Account.key(email), address);
    }

    public void succeeded(String email, String address) {
        throttle.succeeded(Account.key(email), address);
    }

    @Scheduled(every = "1m", delayed = "1m")
    void forgetRecovered() {
        throttle.forgetRecovered();
    }
}
