package dev.gatehouse.token.issue;

import dev.gatehouse.testsupport.Sql;
import dev.gatehouse.token.Accounts;
import dev.gatehouse.token.PersonSignIn;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** People's sign-in rows go once they can matter no more; those that still can stay. */
@QuarkusTest
class ExpiredRowsPurgeTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ExpiredRowsPurge purge;

    @Test
    void oldCodesGrantsSessionsAndInvitationsGoAndLiveOnesStay() throws Throwable {
        Accounts.Person person = Accounts.create();
        String client = PersonSignIn.firstPartyClient().clientId();
        Instant now = Instant.now();
        UUID oldSession = session(person.id(), now.minus(Duration.ofDays(40)));
        UUID liveSession = session(person.id(), now.plus(Duration.ofHours(1)));
        String oldCode = code(client, person.id(), oldSession, now.minus(Duration.ofDays(2)));
        String recentCode = code(client, person.id(), liveSession, now.minus(Duration.ofHours(1)));
        UUID oldGrant = grant(client, person.id(), now.minus(Duration.ofDays(1)));
        UUID liveGrant = grant(client, person.id(), now.plus(Duration.ofDays(1)));
        UUID oldInvitation = invitation(now.minus(Duration.ofDays(31)));
        UUID expiredLately = invitation(now.minus(Duration.ofDays(1)));
        UUID oldReset = reset(person.id(), now.minus(Duration.ofDays(2)));
        UUID recentReset = reset(person.id(), now.minus(Duration.ofHours(2)));

        VertxContextSupport.subscribeAndAwait(() -> purge.purge());

        assertThat(count("select count(*) from token.sign_in_session where id = ?", oldSession)).isZero();
        assertThat(count("select count(*) from token.sign_in_session where id = ?", liveSession)).isOne();
        assertThat(count("select count(*) from token.authorization_code where code_hash = ?", oldCode)).isZero();
        assertThat(count("select count(*) from token.authorization_code where code_hash = ?", recentCode))
                .as("kept a day after it expired, to catch a replay").isOne();
        assertThat(count("select count(*) from token.refresh_family where id = ?", oldGrant)).isZero();
        assertThat(count("select count(*) from token.refresh_family where id = ?", liveGrant)).isOne();
        assertThat(count("select count(*) from token.invitation where id = ?", oldInvitation)).isZero();
        assertThat(count("select count(*) from token.invitation where id = ?", expiredLately))
                .as("an expired link still says so for 30 days").isOne();
        assertThat(count("select count(*) from token.password_reset where id = ?", oldReset)).isZero();
        assertThat(count("select count(*) from token.password_reset where id = ?", recentReset)).isOne();
    }

    private UUID reset(UUID account, Instant expiresAt) throws Exception {
        UUID id = UUID.randomUUID();
        execute("insert into token.password_reset (id, token_hash, account_id, created_at, expires_at) "
                + "values (?, ?, ?, ?, ?)", id, id.toString(), account, ts(expiresAt.minus(Duration.ofHours(1))),
                ts(expiresAt));
        return id;
    }

    private UUID invitation(Instant expiresAt) throws Exception {
        UUID id = UUID.randomUUID();
        execute("insert into token.invitation (id, token_hash, kind, scope_id, scope_name, member_id, email, name, "
                + "invited_by, created_at, expires_at) values (?, ?, 'company', ?, 'Acme', ?, 'a@example.com', 'A', "
                + "'user:x', ?, ?)", id, id.toString(), UUID.randomUUID(), UUID.randomUUID(),
                ts(expiresAt.minus(Duration.ofDays(7))), ts(expiresAt));
        return id;
    }

    private long count(String sql, Object param) throws Exception {
        return Sql.count(dataSource, sql, param);
    }

    private UUID session(UUID account, Instant expiresAt) throws Exception {
        UUID id = UUID.randomUUID();
        execute("insert into token.sign_in_session (id, token_hash, account_id, auth_time, amr, created_at, "
                + "last_seen_at, expires_at) values (?, ?, ?, ?, 'pwd', ?, ?, ?)", id, id.toString().getBytes(),
                account, ts(expiresAt.minus(Duration.ofHours(12))), ts(expiresAt.minus(Duration.ofHours(12))),
                ts(expiresAt.minus(Duration.ofHours(12))), ts(expiresAt));
        return id;
    }

    private String code(String client, UUID account, UUID session, Instant expiresAt) throws Exception {
        String hash = UUID.randomUUID().toString();
        execute("insert into token.authorization_code (code_hash, client_id, account_id, session_id, redirect_uri, "
                + "code_challenge, scope, auth_time, amr, created_at, expires_at, family_id) "
                + "values (?, ?, ?, ?, 'https://app.example/callback', 'x', 'openid', ?, 'pwd', ?, ?, ?)", hash,
                client, account, session, ts(expiresAt), ts(expiresAt), ts(expiresAt), UUID.randomUUID());
        return hash;
    }

    private UUID grant(String client, UUID account, Instant absoluteExpiry) throws Exception {
        UUID id = UUID.randomUUID();
        Instant start = absoluteExpiry.minus(Duration.ofDays(90));
        execute("insert into token.refresh_family (id, client_id, account_id, scope, auth_time, amr, generation, "
                + "created_at, last_refreshed_at, expires_at, absolute_expires_at) "
                + "values (?, ?, ?, 'openid', ?, 'pwd', 1, ?, ?, ?, ?)", id, client, account, ts(start), ts(start),
                ts(start), ts(absoluteExpiry), ts(absoluteExpiry));
        return id;
    }

    private void execute(String sql, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
