package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

/** Polling positions of one site, one per source (e.g. {@code hpos}, {@code posts}). */
public final class WatermarkStore {
    private final DataSource dataSource;
    private final String table;
    private final String siteId;

    public WatermarkStore(DataSource dataSource, StateLocation location, String siteId) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = location.qualified(StateTable.WATERMARKS);
        this.siteId = SiteIds.check(siteId);
    }

    public Optional<Watermark> get(String source) {
        return pollStart(source).map(PollStart::watermark);
    }

    /** The watermark of {@code source} with its floor, in one read: what a poll starts from. */
    public Optional<PollStart> pollStart(String source) {
        checkSource(source);
        String sql = "SELECT modified_gmt, last_id, watching_since FROM " + table + " WHERE site_id = ? AND source = ?";
        return Jdbc.autoCommit(dataSource, "reading watermark " + source, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setString(1, siteId);
                statement.setString(2, source);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(new PollStart(new Watermark(Jdbc.getInstant(rs, "modified_gmt"),
                            rs.getLong("last_id")), Jdbc.getInstant(rs, "watching_since"))) : Optional.empty();
                }
            }
        });
    }

    /**
     * Starts watching {@code source} from now by the database's clock, less {@code clockAllowance} (the shop's
     * clock may be a little behind the database's), but not before {@code notBefore}; unless another agent started
     * it first: the stored start wins. The watermark starts there too.
     */
    public PollStart startWatching(String source, Duration clockAllowance, Instant notBefore) {
        checkSource(source);
        Objects.requireNonNull(notBefore, "notBefore");
        String start = "GREATEST(DATE_SUB(UTC_TIMESTAMP(), INTERVAL ? SECOND), ?)";
        String sql = "INSERT IGNORE INTO " + table + " (site_id, source, modified_gmt, last_id, watching_since,"
                + " updated_at) VALUES (?, ?, " + start + ", 0, " + start + ", UTC_TIMESTAMP(3))";
        Instant floor = new Watermark(notBefore, 0).modifiedGmt();
        Jdbc.autoCommit(dataSource, "starting watermark " + source, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setString(1, siteId);
                statement.setString(2, source);
                statement.setLong(3, clockAllowance.toSeconds());
                Jdbc.setInstant(statement, 4, floor);
                statement.setLong(5, clockAllowance.toSeconds());
                Jdbc.setInstant(statement, 6, floor);
                return statement.executeUpdate();
            }
        });
        return pollStart(source).orElseThrow(() -> new StateStoreException("watermark " + source + " of site "
                + siteId + " vanished after it was written", null));
    }

    /**
     * Moves the watermark forward to {@code to}; never back, so that a slow poller finishing after a faster one
     * cannot make the next poll skip what the faster one saw. Returns whether it moved.
     */
    public boolean advance(String source, Watermark to) {
        checkSource(source);
        Objects.requireNonNull(to, "to");
        String forward = "UPDATE " + table + " SET modified_gmt = ?, last_id = ?, updated_at = UTC_TIMESTAMP(3)"
                + " WHERE site_id = ? AND source = ? AND (modified_gmt < ? OR (modified_gmt = ? AND last_id < ?))";
        return Jdbc.autoCommit(dataSource, "advancing watermark " + source, c -> {
            if (insertIfAbsent(c, source, to)) {
                return true;
            }
            try (PreparedStatement statement = c.prepareStatement(forward)) {
                Jdbc.setInstant(statement, 1, to.modifiedGmt());
                statement.setLong(2, to.lastId());
                statement.setString(3, siteId);
                statement.setString(4, source);
                Jdbc.setInstant(statement, 5, to.modifiedGmt());
                Jdbc.setInstant(statement, 6, to.modifiedGmt());
                statement.setLong(7, to.lastId());
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** Sets the watermark wherever it was, e.g. to re-scan from a date; an admin action, not the poller's. */
    public void reset(String source, Watermark to) {
        checkSource(source);
        Objects.requireNonNull(to, "to");
        String set = "UPDATE " + table + " SET modified_gmt = ?, last_id = ?, updated_at = UTC_TIMESTAMP(3)"
                + " WHERE site_id = ? AND source = ?";
        Jdbc.autoCommit(dataSource, "resetting watermark " + source, c -> {
            if (!insertIfAbsent(c, source, to)) {
                try (PreparedStatement statement = c.prepareStatement(set)) {
                    Jdbc.setInstant(statement, 1, to.modifiedGmt());
                    statement.setLong(2, to.lastId());
                    statement.setString(3, siteId);
                    statement.setString(4, source);
                    statement.executeUpdate();
                }
            }
            return null;
        });
    }

    private boolean insertIfAbsent(Connection connection, String source, Watermark to) throws SQLException {
        String sql = "INSERT IGNORE INTO " + table + " (site_id, source, modified_gmt, last_id, updated_at)"
                + " VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3))";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, siteId);
            statement.setString(2, source);
            Jdbc.setInstant(statement, 3, to.modifiedGmt());
            statement.setLong(4, to.lastId());
            return statement.executeUpdate() == 1;
        }
    }

    private static void checkSource(String source) {
        if (source == null || !source.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new IllegalArgumentException("watermark source must be 1-64 characters of A-Z a-z 0-9 . _ : -, got '"
                    + source + "'");
        }
    }
}
