package dev.gatehouse.audit.retention;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the monthly partitions of the trail ({@code audit_event}, by recording time) and of the usage tables
 * ({@code api_usage_daily}, {@code token_issuance_daily}, by day): the next two months exist ahead of time, and with
 * {@code gatehouse.retention.months} set, months older than that are dropped whole (a cheap, instant delete).
 * Before a trail month goes, each chain's last entry in it becomes a checkpoint, so the chains that went on after
 * it can still be verified.
 */
@ApplicationScoped
public class Partitions {

    private static final Logger LOG = Logger.getLogger(Partitions.class);
    static final List<String> TABLES = List.of("audit_event", "api_usage_daily", "token_issuance_daily");
    private static final Pattern MONTH = Pattern.compile("_y(\\d{4})m(\\d{2})$");

    private final AgroalDataSource dataSource;
    private final RetentionConfig config;
    private final Clock clock;

    public Partitions(AgroalDataSource dataSource, RetentionConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        maintain();
    }

    @Scheduled(every = "6h", delayed = "6h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void maintain() {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        try {
            for (int ahead = 0; ahead <= 2; ahead++) {
                ensure(now.plusMonths(ahead));
            }
            if (config.months() > 0) {
                dropBefore(now.minusMonths(config.months()));
            }
        } catch (SQLException e) {
            // Tried again at the next round; two months are always made ahead, so no insert waits on this.
            LOG.warnf("partition maintenance failed: %s", e.getMessage());
        }
    }

    /** Makes {@code month}'s partition of every table, if missing. */
    public void ensure(YearMonth month) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select gatehouse_month_partition(?, ?)")) {
            for (String table : TABLES) {
                st.setString(1, table);
                st.setObject(2, month.atDay(1));
                st.execute();
            }
        }
    }

    /** Drops every month before {@code oldestKept}; the trail's after checkpointing each chain in it. */
    public void dropBefore(YearMonth oldestKept) throws SQLException {
        for (String table : TABLES) {
            for (String partition : partitionsOf(table)) {
                Matcher m = MONTH.matcher(partition);
                if (m.find() && YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                        .isBefore(oldestKept)) {
                    drop(table, partition);
                }
            }
            if (!table.equals("audit_event")) {
                deleteFromDefault(table, oldestKept.atDay(1));
            }
        }
    }

    private List<String> partitionsOf(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                select child.relname from pg_inherits i
                join pg_class child on child.oid = i.inhrelid
                where i.inhparent = to_regclass(?) order by child.relname
                """)) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private void drop(String table, String partition) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                if (table.equals("audit_event")) {
                    // The names come from pg_inherits and match MONTH: no caller's text reaches this statement.
                    st.executeUpdate("""
                            insert into audit_chain_checkpoint (chain_key, partition_name, seq, hash)
                            select distinct on (chain_key) chain_key, '%1$s', seq, hash from %1$s
                            order by chain_key, seq desc
                            on conflict do nothing
                            """.formatted(partition));
                }
                st.executeUpdate("drop table " + partition);
                c.commit();
                LOG.infof("retention: dropped %s", partition);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void deleteFromDefault(String table, LocalDate before) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("delete from " + table + "_default where day < ?")) {
            st.setObject(1, before);
            st.executeUpdate();
        }
    }
}
