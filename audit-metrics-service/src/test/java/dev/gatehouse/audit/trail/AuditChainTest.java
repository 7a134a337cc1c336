package dev.gatehouse.audit.trail;

import dev.gatehouse.audit.retention.Partitions;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.events.directory.ProjectCreated;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each company's entries form a hash chain that the verification endpoint checks: intact as recorded; a row changed,
 * removed from the middle or from the end by the database owner (the append-only trigger switched off) is found; and
 * after retention drops a month, the chain verifies from the checkpoint it left.
 */
@QuarkusTest
class AuditChainTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditTrailWriter writer;

    @Inject
    Partitions partitions;

    @Test
    void aCompanysEntriesFormAChainThatVerifies() {
        UUID company = UUID.randomUUID();
        record(company, 3);
        String admin = TestTokens.companyAdmin(company).sign();

        JsonPath trail = given().auth().oauth2(admin).queryParam("companyId", company.toString())
                .get("/audit/events").then().statusCode(200).extract().jsonPath();
        // Newest first: each entry names the hash of the one recorded before it; the first names none.
        assertThat(trail.getLong("items[2].chain.seq")).isEqualTo(1);
        assertThat(trail.getString("items[2].chain.previousHash")).isEmpty();
        assertThat(trail.getString("items[1].chain.previousHash")).isEqualTo(trail.getString("items[2].chain.hash"));
        assertThat(trail.getString("items[0].chain.previousHash")).isEqualTo(trail.getString("items[1].chain.hash"));

        // The database recomputes every hash (audit_entry_hash) and finds what the writer (ChainHash) wrote.
        JsonPath check = verify(company, admin);
        assertThat(check.getBoolean("intact")).isTrue();
        assertThat(check.getLong("entries")).isEqualTo(3);
        assertThat(check.getLong("firstSeq")).isEqualTo(1);
        assertThat(check.getLong("lastSeq")).isEqualTo(3);
        assertThat(check.getString("headHash")).isEqualTo(trail.getString("items[0].chain.hash"));
        assertThat(check.getString("firstBreak")).isNull();

        given().auth().oauth2(TestTokens.companyAdmin(UUID.randomUUID()).sign())
                .get("/companies/" + company + "/audit/verification").then().statusCode(403);
        given().auth().oauth2(TestTokens.platformAdmin().sign()).get("/audit/verification").then().statusCode(200);
    }

    @Test
    void aRowChangedByTheDatabaseOwnerIsFound() throws SQLException {
        UUID company = UUID.randomUUID();
        List<EventEnvelope> events = record(company, 3);
        asOwner("update audit_event set payload = replace(payload, '\"P\"', '\"Q\"') where event_id = ?",
                events.get(1).eventId());

        JsonPath check = verify(company, TestTokens.companyAdmin(company).sign());
        assertThat(check.getBoolean("intact")).isFalse();
        assertThat(check.getLong("firstBreak.seq")).isEqualTo(2);
        assertThat(check.getString("firstBreak.eventId")).isEqualTo(events.get(1).eventId().toString());
        assertThat(check.getString("firstBreak.reason")).isEqualTo("altered");
    }

    @Test
    void aRowRemovedFromTheMiddleOrTheEndIsFound() throws SQLException {
        UUID middle = UUID.randomUUID();
        List<EventEnvelope> events = record(middle, 3);
        asOwner("delete from audit_event where event_id = ?", events.get(1).eventId());
        JsonPath check = verify(middle, TestTokens.companyAdmin(middle).sign());
        assertThat(check.getString("firstBreak.reason")).isEqualTo("missing");
        assertThat(check.getLong("firstBreak.seq")).isEqualTo(3);

        UUID end = UUID.randomUUID();
        events = record(end, 3);
        asOwner("delete from audit_event where event_id = ?", events.get(2).eventId());
        check = verify(end, TestTokens.companyAdmin(end).sign());
        assertThat(check.getBoolean("intact")).isFalse();
        assertThat(check.getString("firstBreak.reason")).isEqualTo("truncated");
        assertThat(check.getLong("firstBreak.seq")).isEqualTo(2);
    }

    @Test
    void afterRetentionDropsAMonthTheChainVerifiesFromItsCheckpoint() throws SQLException {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        // Made at start-up: this month's partitions and the next two, of the trail and both usage tables.
        for (String table : List.of("audit_event", "api_usage_daily", "token_issuance_daily")) {
            assertThat(partitionsOf(table)).contains(table + partitionSuffix(now), table + partitionSuffix(now
                    .plusMonths(2)));
        }
        UUID company = UUID.randomUUID();
        YearMonth old = YearMonth.of(2020, 1);
        partitions.ensure(old);
        writer.append(delivered(company, 3), Instant.parse("2020-01-15T10:00:00Z")).await().indefinitely();
        writer.append(delivered(company, 2)).await().indefinitely();
        String admin = TestTokens.companyAdmin(company).sign();
        assertThat(verify(company, admin).getLong("entries")).isEqualTo(5);

        partitions.dropBefore(old.plusMonths(1));

        assertThat(partitionsOf("audit_event")).doesNotContain("audit_event" + partitionSuffix(old));
        JsonPath check = verify(company, admin);
        assertThat(check.getBoolean("intact")).isTrue();
        assertThat(check.getLong("entries")).isEqualTo(2);
        assertThat(check.getLong("firstSeq")).isEqualTo(4);
        assertThat(check.getLong("checkpoint.seq")).isEqualTo(3);
        assertThat(check.getString("checkpoint.partition")).isEqualTo("audit_event_y2020m01");
    }

    private List<EventEnvelope> record(UUID company, int count) {
        List<EventEnvelope> events = new ArrayList<>();
        for (AuditTrailWriter.Delivered d : delivered(company, count)) {
            EventSender.send(bootstrap, Topics.DIRECTORY_PROJECT, d.event());
            events.add(d.event());
        }
        String admin = TestTokens.companyAdmin(company).sign();
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(admin)
                .queryParam("companyId", company.toString()).get("/audit/events").then().statusCode(200)
                .extract().jsonPath().getList("items").size() == count);
        return events;
    }

    /** Projects created one after another, all keyed by the company so they arrive in order. */
    private static List<AuditTrailWriter.Delivered> delivered(UUID company, int count) {
        List<AuditTrailWriter.Delivered> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID project = UUID.randomUUID();
            EventEnvelope e = EventEnvelope.of(DirectoryEvents.PROJECT_CREATED, "directory-service", company,
                    new Actor(Actor.USER, "admin-1"), project.toString(), new ProjectCreated(project, company, "P"));
            events.add(new AuditTrailWriter.Delivered(new EventEnvelope(e.eventId(), e.eventType(),
                    e.eventVersion(), e.occurredAt(), e.source(), e.companyId(), e.actor(), e.aggregateType(),
                    company.toString(), e.payload()), Topics.DIRECTORY_PROJECT));
        }
        return events;
    }

    private static JsonPath verify(UUID company, String admin) {
        return given().auth().oauth2(admin).get("/companies/" + company + "/audit/verification").then()
                .statusCode(200).extract().jsonPath();
    }

    /**
     * What the table's owner can do: switch the append-only triggers off (on the table and its partitions), change
     * rows and switch them on again, in one transaction so no other session ever sees them off.
     */
    private void asOwner(String sql, UUID eventId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<String> tables = new ArrayList<>(partitionsOf("audit_event"));
            tables.add("audit_event");
            try (Statement st = c.createStatement()) {
                for (String t : tables) {
                    st.execute("alter table " + t + " disable trigger audit_event_append_only");
                }
                try (PreparedStatement change = c.prepareStatement(sql)) {
                    change.setObject(1, eventId);
                    assertThat(change.executeUpdate()).isEqualTo(1);
                }
                for (String t : tables) {
                    st.execute("alter table " + t + " enable trigger audit_event_append_only");
                }
            }
            c.commit();
        }
    }

    private List<String> partitionsOf(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                        + "where i.inhparent = to_regclass(?)")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static String partitionSuffix(YearMonth month) {
        return String.format("_y%04dm%02d", month.getYear(), month.getMonthValue());
    }
}
