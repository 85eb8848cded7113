package com.caricomtr.agent.api;

import com.caricomtr.agent.sync.SyncEngine;
import com.caricomtr.agent.sync.SyncHooks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The shop's hooks as the sync applies them, relayed to the site's bridge (docs/agent-api.md, "Hook relay"): each
 * hook's arguments are named as the table there says. Only hooks the site registered cost a round trip; a failed
 * filter yields the value it was given ({@link HookRelayClient}).
 */
public final class BridgeHooks implements SyncHooks, AutoCloseable {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final HookRegistry registry;
    private final HookRelayClient relay;

    public BridgeHooks(HookRegistry registry, HookRelayClient relay) {
        this.registry = registry;
        this.relay = relay;
    }

    /** Over the registrations stored in the state of the engine's sites, calling bridges with the sites' secrets. */
    public static BridgeHooks over(SyncEngine engine, SiteSecrets secrets, RelaySettings settings) {
        HookRegistry registry = HookRegistry.stored(engine.states());
        engine.onSiteAdded(site -> registry.addStore(site.id(), site.state().hooks()));
        return new BridgeHooks(registry, new HookRelayClient(registry, secrets, settings));
    }

    /** Where the bridges' registrations go ({@link HookRegistrationService}). */
    public HookRegistry registry() {
        return registry;
    }

    @Override
    public boolean known(String siteId) {
        return registry.isRegistered(siteId);
    }

    @Override
    public String invoiceSeries(String siteId, long orderId, String series) {
        return relay.filter(siteId, Hook.INVOICE_SERIE, TextNode.valueOf(series), order(orderId)).asText();
    }

    @Override
    public String invoiceNumber(String siteId, long orderId, String number, String series) {
        return relay.filter(siteId, Hook.INVOICE_NUMBER, TextNode.valueOf(number),
                order(orderId).put("serie", series)).asText();
    }

    @Override
    public ObjectNode customerData(String siteId, long orderId, ObjectNode customer) {
        return object(relay.filter(siteId, Hook.CUSTOMER_DATA, customer, order(orderId)), customer);
    }

    @Override
    public ObjectNode invoiceData(String siteId, long orderId, ObjectNode invoice) {
        return object(relay.filter(siteId, Hook.INVOICE_DATA, invoice, order(orderId)), invoice);
    }

    @Override
    public int logsRetentionDays(String siteId, int days) {
        return relay.filter(siteId, Hook.LOGS_RETENTION_DAYS, IntNode.valueOf(days), null).intValue();
    }

    @Override
    public void beforeSync(String siteId, long orderId) {
        relay.notify(siteId, Hook.BEFORE_SYNC, order(orderId));
    }

    @Override
    public void afterSync(String siteId, long orderId, SyncedInvoice result) {
        ObjectNode args = order(orderId);
        args.putObject("result")
                .put("invoice_id", result.invoiceId())
                .put("customer_id", result.customerId())
                .put("serie", result.series())
                .put("number", result.number());
        relay.notify(siteId, Hook.AFTER_SYNC, args);
    }

    @Override
    public void syncError(String siteId, long orderId, String code, String message) {
        ObjectNode args = order(orderId);
        args.putObject("error").put("code", code).put("message", message);
        relay.notify(siteId, Hook.SYNC_ERROR, args);
    }

    @Override
    public void cleanupLogs(String siteId, int retentionDays, long deleted) {
        relay.notify(siteId, Hook.CLEANUP_LOGS, JSON.objectNode().put("retention_days", retentionDays)
                .put("deleted", deleted));
    }

    @Override
    public void close() {
        relay.close();
    }

    private static ObjectNode order(long orderId) {
        return JSON.objectNode().put("order_id", orderId);
    }

    /** The relay answers an object for an object filter, or the value itself. */
    private static ObjectNode object(JsonNode filtered, ObjectNode original) {
        return filtered instanceof ObjectNode object ? object : original;
    }
}
