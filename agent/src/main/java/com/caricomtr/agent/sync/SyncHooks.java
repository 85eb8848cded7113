package com.caricomtr.agent.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shop's own WordPress hooks, where the sync applies them (docs/agent-api.md, "Hook relay"). The api package
 * relays them to the site's bridge; {@link #NONE} is an agent without a bridge, which leaves everything as the agent
 * made it.
 *
 * <p>Filters return the value to use, and block for at most the relay's filter timeout: callers hold no database
 * connection, transaction or lock while they wait. An implementation returns the value it was given when the shop's
 * callback fails or nothing is hooked (which costs no round trip); the sync still checks what comes back and keeps
 * its own value when it cannot use the filtered one. Actions return at once and are never retried.
 */
public interface SyncHooks {
    /** No bridge: no hooks, and nothing to wait for. */
    SyncHooks NONE = new NoHooks();

    /**
     * Whether the site's hooks are known, i.e. its bridge has registered (at any time; registrations are stored).
     * Always true for {@link #NONE}. A site whose hooks are not known is not synced when its configuration says
     * {@code hooks.require-registration}.
     */
    boolean known(String siteId);

    /** {@code caricomtr_invoice_serie}: the series of the order's invoice, asked once, before the number is fixed. */
    String invoiceSeries(String siteId, long orderId, String series);

    /** {@code caricomtr_invoice_number}: the full number, asked once, before it is fixed and stored. */
    String invoiceNumber(String siteId, long orderId, String number, String series);

    /** {@code caricomtr_customer_data}: the content of {@code cari}, before each send. */
    ObjectNode customerData(String siteId, long orderId, ObjectNode customer);

    /** {@code caricomtr_invoice_data}: the content of {@code fatura}, before each send. */
    ObjectNode invoiceData(String siteId, long orderId, ObjectNode invoice);

    /** {@code caricomtr_logs_retention_days}: days of logs to keep, at each daily clean-up. */
    int logsRetentionDays(String siteId, int days);

    /** {@code caricomtr_before_sync}: an attempt to sync the order starts. */
    void beforeSync(String siteId, long orderId);

    /** {@code caricomtr_after_sync}: the order is synced. */
    void afterSync(String siteId, long orderId, SyncedInvoice result);

    /**
     * {@code caricomtr_sync_error}: an attempt failed.
     *
     * @param code {@code retryable}, {@code permanent} or {@code conflict}, as the order's {@code last_error_class}
     */
    void syncError(String siteId, long orderId, String code, String message);

    /** {@code caricomtr_cleanup_logs}: the daily clean-up removed {@code deleted} log and error rows. */
    void cleanupLogs(String siteId, int retentionDays, long deleted);

    /**
     * What an order became in Cari.
     *
     * @param customerId null when the invoice was found in Cari after a crash instead of being sent
     */
    record SyncedInvoice(String invoiceId, String customerId, String series, String number) {
    }

    /** Every filter hands its value back; every action does nothing. */
    final class NoHooks implements SyncHooks {
        private NoHooks() {
        }

        @Override
        public boolean known(String siteId) {
            return true;
        }

        @Override
        public String invoiceSeries(String siteId, long orderId, String series) {
            return series;
        }

        @Override
        public String invoiceNumber(String siteId, long orderId, String number, String series) {
            return number;
        }

        @Override
        public ObjectNode customerData(String siteId, long orderId, ObjectNode customer) {
            return customer;
        }

        @Override
        public ObjectNode invoiceData(String siteId, long orderId, ObjectNode invoice) {
            return invoice;
        }

        @Override
        public int logsRetentionDays(String siteId, int days) {
            return days;
        }

        @Override
        public void beforeSync(String siteId, long orderId) {
        }

        @Override
        public void afterSync(String siteId, long orderId, SyncedInvoice result) {
        }

        @Override
        public void syncError(String siteId, long orderId, String code, String message) {
        }

        @Override
        public void cleanupLogs(String siteId, int retentionDays, long deleted) {
        }
    }
}
