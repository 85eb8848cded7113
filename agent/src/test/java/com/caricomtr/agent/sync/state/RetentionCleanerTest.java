package com.caricomtr.agent.sync.state;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Old request-log and error rows go in bounded chunks; recent ones and other sites' stay. */
class RetentionCleanerTest {
    private static StateFixture db;

    @BeforeAll
    static void open() {
        db = StateFixture.migrated("retention");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void deletesOnlyOldRowsOfItsSiteInChunks() {
        insertLogRows("shop", 12_345, 100);
        insertLogRows("shop", 500, 0);
        insertLogRows("other", 300, 100);
        insertErrorRows("shop", 2_100, 100);
        insertErrorRows("shop", 7, 1);

        long started = System.nanoTime();
        RetentionCleaner.Result result = new RetentionCleaner(db.pool.dataSource(), db.location, "shop", 1_000)
                .deleteOlderThan(Duration.ofDays(30));
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.err.printf("[retention] %d log + %d error rows deleted in chunks of 1,000 in %d ms%n",
                result.apiLogRows(), result.errorRows(), millis);
        assertThat(result).isEqualTo(new RetentionCleaner.Result(12_345, 2_100));
        assertThat(rows(StateTable.API_LOG, "shop")).isEqualTo(500);
        assertThat(rows(StateTable.API_LOG, "other")).isEqualTo(300);
        assertThat(rows(StateTable.ERRORS, "shop")).isEqualTo(7);
        assertThat(db.site("shop").retention().deleteOlderThan(Duration.ofDays(30)))
                .isEqualTo(new RetentionCleaner.Result(0, 0));
    }

    @Test
    void anExactMultipleOfTheChunkEndsWithAnEmptyRound() {
        insertLogRows("exact", 2_000, 10);

        assertThat(new RetentionCleaner(db.pool.dataSource(), db.location, "exact", 1_000)
                .deleteOlderThan(Duration.ofDays(1)).apiLogRows()).isEqualTo(2_000);
    }

    private long rows(StateTable table, String site) {
        return db.count("SELECT COUNT(*) FROM " + db.table(table) + " WHERE site_id = '" + site + "'");
    }

    /** Multi-row inserts of 1,000: fast set-up without a MariaDB-only sequence table. */
    private void insertLogRows(String site, int count, int daysOld) {
        for (int done = 0; done < count; done += 1_000) {
            StringBuilder sql = new StringBuilder("INSERT INTO " + db.table(StateTable.API_LOG)
                    + " (site_id, order_id, method, url, duration_ms, outcome, created_at) VALUES ");
            for (int i = done; i < Math.min(count, done + 1_000); i++) {
                sql.append(i == done ? "" : ", ").append("('").append(site).append("', ").append(i)
                        .append(", 'POST', 'https://x', 1, 'OK', UTC_TIMESTAMP(3) - INTERVAL ").append(daysOld)
                        .append(" DAY)");
            }
            db.execute(sql.toString());
        }
    }

    private void insertErrorRows(String site, int count, int daysOld) {
        for (int done = 0; done < count; done += 1_000) {
            StringBuilder sql = new StringBuilder("INSERT INTO " + db.table(StateTable.ERRORS)
                    + " (site_id, order_id, message, created_at) VALUES ");
            for (int i = done; i < Math.min(count, done + 1_000); i++) {
                sql.append(i == done ? "" : ", ").append("('").append(site).append("', ").append(i)
                        .append(", 'old', UTC_TIMESTAMP(3) - INTERVAL ").append(daysOld).append(" DAY)");
            }
            db.execute(sql.toString());
        }
    }
}
