package com.caricomtr.agent.sync.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

import javax.sql.DataSource;

/** The {@code order_sync} table of one site and document: its name, key binding and row mapping. */
final class OrderSyncTable {
    static final String COLUMNS = "order_id, state, order_status, reason, force_send, attempts, claims, lost_claims,"
            + " next_attempt_at, claimed_by, claimed_until, invoice_series, invoice_number, invoice_sequence,"
            + " cari_customer_id, cari_invoice_id, last_error_class, last_error, queued_at, created_at, updated_at, synced_at";
    /** The site and document every statement is restricted to; bound by {@link #bindScope}. */
    static final String SCOPE = "site_id = ? AND document = ?";

    final DataSource dataSource;
    final String name;
    final String siteId;
    final String document;

    OrderSyncTable(DataSource dataSource, StateLocation location, String siteId, Document document) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.name = location.qualified(StateTable.ORDER_SYNC);
        this.siteId = SiteIds.check(siteId);
        this.document = Objects.requireNonNull(document, "document").dbValue();
    }

    /** Binds {@link #SCOPE} at {@code index} and returns the next free index. */
    int bindScope(PreparedStatement statement, int index) throws SQLException {
        statement.setString(index, siteId);
        statement.setString(index + 1, document);
        return index + 2;
    }

    static OrderSyncState read(ResultSet rs) throws SQLException {
        return new OrderSyncState(
                rs.getLong("order_id"),
                SyncState.fromDb(rs.getString("state")),
                rs.getString("order_status"),
                Trigger.fromDb(rs.getString("reason")),
                rs.getBoolean("force_send"),
                rs.getInt("attempts"),
                rs.getInt("claims"),
                rs.getInt("lost_claims"),
                Jdbc.getInstant(rs, "next_attempt_at"),
                rs.getString("claimed_by"),
                Jdbc.getInstant(rs, "claimed_until"),
                invoiceNumber(rs),
                rs.getString("cari_customer_id"),
                rs.getString("cari_invoice_id"),
                rs.getString("last_error_class"),
                rs.getString("last_error"),
                Jdbc.getInstant(rs, "queued_at"),
                Jdbc.getInstant(rs, "created_at"),
                Jdbc.getInstant(rs, "updated_at"),
                Jdbc.getInstant(rs, "synced_at"));
    }

    static StoredInvoiceNumber invoiceNumber(ResultSet rs) throws SQLException {
        String number = rs.getString("invoice_number");
        return number == null ? null : new StoredInvoiceNumber(rs.getString("invoice_series"), number,
                Jdbc.getNullableLong(rs, "invoice_sequence"));
    }

    static String stateList(SyncState... states) {
        StringBuilder list = new StringBuilder();
        for (SyncState state : states) {
            list.append(list.isEmpty() ? "" : ", ").append('\'').append(state.dbValue()).append('\'');
        }
        return "(" + list + ")";
    }
}
