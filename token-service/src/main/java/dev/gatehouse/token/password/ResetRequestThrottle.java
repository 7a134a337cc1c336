package dev.gatehouse.token.password;

import dev.gatehouse.token.account.Account;
import dev.gatehouse.token.throttle.SharedThrottle;
import dev.gatehouse.token.throttle.ThrottleGossip;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;

/**
 * Reset requests, counted whatever their outcome: at most 5 per e-mail address and 30 per source address in 15
 * minutes, so nobody can fill a person's mailbox or use the form to send mail in bulk. Apart from the sign-in
 * throttle: asking for resets must not lock anyone out of signing in. Counted across all replicas.
 */
@ApplicationScoped
public class ResetRequestThrottle {

    private final SharedThrottle throttle;

    public ResetRequestThrottle(ThrottleGossip gossip) {
        this.throttle = gossip.create("password-reset", 30, 5, Duration.ofMinutes(15));
    }

    public Optional<Duration> retryAfter(String email, String address) {
        return throttle.retryAfter(Account.key(email), address);
    }

    public void counted(String email, String address) {
        throttle.failed(Account.key(email), address);
    }

    @Scheduled(every = "1m", delayed = "1m")
    void forgetRecovered() {
        throttle.forgetRecovered();
    }
}
