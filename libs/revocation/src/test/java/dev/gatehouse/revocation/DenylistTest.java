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

    @Test
    void aPersonsCutoffAndAnEndedGrantKillOnlyTheirOwnTokens() {
        denylist.apply(TokenRevoked.subjectBefore("account-1", NOW, "account_disabled"), NOW);
        denylist.apply(TokenRevoked.grant("fp_1", "grant-1", "signed_out", NOW.plusSeconds(600)), NOW);

        assertThat(denylist.isDead("fp_1", "account-1", "j", "grant-9", NOW.minusSeconds(1))).isTrue();
        assertThat(denylist.isDead("fp_1", "account-1", "j", "grant-9", NOW)).as("issued after").isFalse();
        assertThat(denylist.isDead("fp_1", "account-2", "j", "grant-1", NOW.plusSeconds(5))).isTrue();
        assertThat(denylist.isDead("fp_1", "account-2", "j", "grant-2", NOW.minusSeconds(1))).isFalse();

        denylist.forgetExpired(NOW.plusSeconds(601));
        assertThat(denylist.isDead("fp_1", "account-2", "j", "grant-1", NOW)).as("its tokens have expired").isFalse();
    }
}
