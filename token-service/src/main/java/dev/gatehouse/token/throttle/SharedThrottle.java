package dev.gatehouse.token.throttle;

import java.time.Duration;
import java.util.Optional;

/**
 * A {@link FailureThrottle} whose failures count on every token-service replica: each one is applied here at once
 * and told to the others through {@link ThrottleGossip}, so running N replicas does not give an attacker N budgets.
 * A success is told only when it makes an address newly known for its subject (the hot path stays quiet).
 */
public final class SharedThrottle {

    private final String name;
    private final FailureThrottle local;
    private final ThrottleGossip gossip;

    SharedThrottle(String name, FailureThrottle local, ThrottleGossip gossip) {
        this.name = name;
        this.local = local;
        this.gossip = gossip;
    }

    /** How long this attempt must wait, if it must. Checked before the secret is looked at. */
    public Optional<Duration> retryAfter(String subject, String address) {
        return local.retryAfter(subject, address);
    }

    public void failed(String subject, String address) {
        local.failed(subject, address);
        gossip.tell(name, ThrottleGossip.FAILED, subject, address);
    }

    public void succeeded(String subject, String address) {
        if (local.succeeded(subject, address)) {
            gossip.tell(name, ThrottleGossip.SUCCEEDED, subject, address);
        }
    }

    /** Another replica's news about this throttle. */
    void heard(String what, String subject, String address) {
        if (ThrottleGossip.FAILED.equals(what)) {
            local.failed(subject, address);
        } else if (ThrottleGossip.SUCCEEDED.equals(what)) {
            local.succeeded(subject, address);
        }
    }

    public void forgetRecovered() {
        local.forgetRecovered();
    }
}
