package com.caricomtr.agent.api;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The WordPress hooks a shop's own code may attach to, relayed by the bridge (docs/agent-api.md, "Hook relay").
 * A filter's callback may change a value and must answer in time; an action's callback is only told.
 */
public enum Hook {
    INVOICE_DATA("caricomtr_invoice_data", Kind.FILTER, ValueType.OBJECT),
    CUSTOMER_DATA("caricomtr_customer_data", Kind.FILTER, ValueType.OBJECT),
    INVOICE_SERIE("caricomtr_invoice_serie", Kind.FILTER, ValueType.STRING),
    INVOICE_NUMBER("caricomtr_invoice_number", Kind.FILTER, ValueType.STRING),
    LOGS_RETENTION_DAYS("caricomtr_logs_retention_days", Kind.FILTER, ValueType.INTEGER),
    BEFORE_SYNC("caricomtr_before_sync", Kind.ACTION, null),
    AFTER_SYNC("caricomtr_after_sync", Kind.ACTION, null),
    SYNC_ERROR("caricomtr_sync_error", Kind.ACTION, null),
    CLEANUP_LOGS("caricomtr_cleanup_logs", Kind.ACTION, null);

    public enum Kind { FILTER, ACTION }

    /** What a filter must hand back; anything else is treated as a failed callback. */
    enum ValueType { OBJECT, STRING, INTEGER }

    private final String wordpressName;
    private final Kind kind;
    private final ValueType valueType;

    Hook(String wordpressName, Kind kind, ValueType valueType) {
        this.wordpressName = wordpressName;
        this.kind = kind;
        this.valueType = valueType;
    }

    /** The name passed to {@code apply_filters} / {@code do_action}, and used on the wire. */
    public String wordpressName() {
        return wordpressName;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<Hook> byName(String wordpressName) {
        return Arrays.stream(values()).filter(hook -> hook.wordpressName.equals(wordpressName)).findFirst();
    }

    /** Whether a filtered value has the type the sync engine can use in place of the original. */
    boolean accepts(JsonNode value) {
        if (value == null || valueType == null) {
            return false;
        }
        return switch (valueType) {
            case OBJECT -> value.isObject();
            case STRING -> value.isTextual();
            case INTEGER -> value.isIntegralNumber() && value.canConvertToInt();
        };
    }

    @Override
    public String toString() {
        return wordpressName;
    }
}
