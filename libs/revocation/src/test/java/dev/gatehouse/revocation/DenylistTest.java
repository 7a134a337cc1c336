package dev.gatehouse.revocation;

import dev.gatehouse.events.token.TokenRevoked;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DenylistTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private final Denylist denylist = new Denylist(Duration.ofHours(24));

    @Test
    void aLaterCutoffWinsAndAnOlderOneArrivingLateDoesNotUndoIt() {
        denylist.apply(TokenRevoked.allBefore("sa_1", NOW, "revoke_all", null), NOW);
        denylist.apply(TokenRevoked.allBefore("sa_1", NOW.minusSeconds(600), "client_disabled", null), NOW);

        assertThat(denylist.isDead("sa_1", "j", NOW.minusSeconds(1))).isTrue();
        assertThat(denylist.isDead("sa_1", "j", NOW)).isFalse();
        assertThat(denylist.isDead("sa_1", "j", null)).as("no iat: cannot prove it is newer").isTrue();
    }

    @Test
    void entriesAreForgottenOnceNoLivingTokenCanMatchThem() {
        denylist.apply(TokenRevoked.one("sa_1", "j1", "revoked_by_client", null, NOW.plusSeconds(60)), NOW);
        denylist.apply(TokenRevoked.allBefore("sa_2", NOW, "revoke_all", null), NOW);

        denylist.forgetExpired(NOW.plusSeconds(30));
        assertThat(denylist.size()).isEqualTo(2);

        denylist.forgetExpired(NOW.plusSeconds(61));
        assertThat(denylist.isDead("sa_1", "j1", NOW)).isFalse();
        assertThat(denylist.size()).isEqualTo(1);

        denylist.forgetExpired(NOW.plus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(denylist.size()).isZero();
    }
}
