package com.caricomtr.agent.woo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * Where a batch's meta rows lie in their table's primary key, so they can be read by the cheaper of two paths.
 *
 * <p>Reading meta through the owner-id index costs the server one primary-key descent per row, and an order has
 * ~90 meta rows: that was most of the server's work per order. WooCommerce writes an order's meta together, so the
 * rows of a batch of consecutive orders mostly sit in one stretch of {@code meta_id}s, and scanning that stretch in
 * key order measured at half the server CPU even with the rows of other owners thrown away in Java. Late rows
 * (a status change long after checkout) widen the stretch; when it holds more than {@link #MAX_WASTE} times the
 * batch's rows, the index path is cheaper and is used instead. Both paths return each owner's rows in
 * {@code meta_id} order, so "first row of a key wins" means the same on either.
 */
record MetaSpan(long min, long max, long rows) {
    static final long MAX_WASTE = 2;

    /**
     * Streams the batch's rows of a meta table to {@code rows} as (owner id, key, value), by whichever path costs
     * less. Rows of other owners may come along on the key-range path: {@code rows} must skip owners it does not
     * know. Keys are matched by the caller, not in SQL: the server would compare each row's key by collation, which
     * cost it more than sending the few rows nobody asked for.
     *
     * @param ofBatch {@code " m ... WHERE ..."}: the table aliased {@code m}, joined and filtered to the batch's rows
     */
    static void read(Connection connection, Sql sql, String table, String idColumn, String ownerColumn,
                     String ofBatch, Sql.RowHandler rows) throws SQLException {
        MetaSpan span = of(connection, sql, "SELECT MIN(m." + idColumn + "), MAX(m." + idColumn + "), COUNT(*) FROM "
                + table + ofBatch);
        if (span.isEmpty()) {
            return;
        }
        sql.query(connection, span.scanPays()
                ? "SELECT " + ownerColumn + ", meta_key, meta_value FROM " + table + " WHERE " + span.range(idColumn)
                : "SELECT m." + ownerColumn + ", m.meta_key, m.meta_value FROM " + table + ofBatch, rows);
    }

    /**
     * Reads the order meta of {@code owners} (orders and refunds by id) from {@code table}, keeping the first value
     * of each of {@code keys} per owner.
     */
    static void readOrderMeta(Connection connection, Sql sql, String table, String idColumn, String ownerColumn,
                              Map<Long, RawOrder> owners, Set<String> keys) throws SQLException {
        read(connection, sql, table, idColumn, ownerColumn, " m WHERE m." + ownerColumn + " IN ("
                + Sql.idList(owners.keySet()) + ")", rs -> {
                    RawOrder raw = owners.get(rs.getLong(1));
                    String key = raw == null ? null : rs.getString(2);
                    String value = key != null && keys.contains(key) ? rs.getString(3) : null;
                    if (value != null) {
                        raw.meta.putIfAbsent(key, value);
                    }
                });
    }

    /** Runs {@code query}, which must answer {@code MIN(meta_id), MAX(meta_id), COUNT(*)} from an index alone. */
    static MetaSpan of(Connection connection, Sql sql, String query) throws SQLException {
        long[] span = new long[3];
        sql.query(connection, query, rs -> {
            span[0] = rs.getLong(1);
            span[1] = rs.getLong(2);
            span[2] = rs.getLong(3);
        });
        return new MetaSpan(span[0], span[1], span[2]);
    }

    boolean isEmpty() {
        return rows == 0;
    }

    /** Whether scanning {@code min..max} by primary key reads at most {@link #MAX_WASTE} rows per wanted row. */
    boolean scanPays() {
        return rows > 0 && max - min + 1 <= MAX_WASTE * rows;
    }

    /** The primary-key range condition for the scan. */
    String range(String column) {
        return column + " BETWEEN " + min + " AND " + max;
    }
}
