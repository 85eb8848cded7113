package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * Deletes one site's old request-log and error rows in bounded chunks, so that a first clean-up of a huge log never
 * holds long locks or bloats the undo log, and a busy shop keeps writing meanwhile.
 *
 * <p>Each chunk first reads the ids of the oldest rows (walking the (site_id, created_at) index), then deletes by
 * primary key: a plain {@code DELETE ... ORDER BY ... LIMIT} is flagged unsafe for statement-based replication.
 * Errors go by age alone, dismissed or not; an order's latest error also stays on its {@code order_sync} row.
 */
public final class RetentionCleaner {
    public static final int DEFAULT_CHUNK = 5_000;

    /** Rows deleted per table. */
    public record Result(long apiLogRows, long errorRows) {
    }

    private final DataSource dataSource;
    private final String apiLog;
    private final String errors;
    private final String siteId;
    private final int chunk;

    public RetentionCleaner(DataSource dataSource, StateLocation location, String siteId) {
        this(dataSource, location, siteId, DEFAULT_CHUNK);
    }

    public RetentionCleaner(DataSource dataSource, StateLocation location, String siteId, int chunk) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.apiLog = location.qualified(StateTable.API_LOG);
        this.errors = location.qualified(StateTable.ERRORS);
        this.siteId = SiteIds.check(siteId);
        if (chunk < 1 || chunk > 50_000) {
            throw new IllegalArgumentException("chunk must be 1..50000, got " + chunk);
        }
        this.chunk = chunk;
    }

    /** Deletes rows created more than {@code age} ago by the database clock. */
    public Result deleteOlderThan(Duration age) {
        if (age == null || age.isNegative()) {
            throw new IllegalArgumentException("age must not be negative, got " + age);
        }
        Instant cutoff = Jdbc.autoCommit(dataSource, "reading the clock", Jdbc::now).minus(age);
        return new Result(deleteBefore(apiLog, cutoff), deleteBefore(errors, cutoff));
    }

    private long deleteBefore(String table, Instant cutoff) {
        long deleted = 0;
        while (true) {
            ChunkResult result = Jdbc.autoCommit(dataSource, "trimming " + table, c -> deleteChunk(c, table, cutoff));
            deleted += result.deleted();
            if (result.found() < chunk) {
                return deleted;
            }
        }
    }

    /** Found can exceed deleted when another cleaner got there first; only found says whether more remain. */
    private record ChunkResult(int found, int deleted) {
    }

    private ChunkResult deleteChunk(Connection connection, String table, Instant cutoff) throws SQLException {
        String select = "SELECT id FROM " + table + " WHERE site_id = ? AND created_at < ? ORDER BY created_at LIMIT ?";
        List<Long> ids = new ArrayList<>(chunk);
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setString(1, siteId);
            Jdbc.setInstant(statement, 2, cutoff);
            statement.setInt(3, chunk);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return new ChunkResult(0, 0);
        }
        int deleted = 0;
        // IN-lists of 1,000 keep statements small; a chunk is still one unit of progress.
        for (List<Long> part : Jdbc.chunks(ids, 1_000)) {
            String delete = "DELETE FROM " + table + " WHERE id IN (" + Jdbc.placeholders(part.size()) + ")";
            try (PreparedStatement statement = connection.prepareStatement(delete)) {
                Jdbc.bindLongs(statement, 1, part);
                deleted += statement.executeUpdate();
            }
        }
        return new ChunkResult(ids.size(), deleted);
    }
}
