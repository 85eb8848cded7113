package com.caricomtr.agent.sync.state;

import java.util.Objects;
import java.util.regex.Pattern;

import com.caricomtr.agent.woo.TablePrefix;

/**
 * Where one site's agent state lives.
 *
 * @param schema      null: in the WordPress database itself, beside WooCommerce's tables (the connection's current
 *                    database); otherwise a schema of the agent's own, so that its database user needs only SELECT
 *                    on WordPress. Letters, digits and {@code _} only: it is spliced into SQL text.
 * @param tablePrefix the WordPress table prefix, e.g. {@code wp_}; validated like {@link TablePrefix}, and at most
 *                    {@value #MAX_PREFIX_LENGTH} characters so that every table name stays within MySQL's 64.
 */
public record StateLocation(String schema, String tablePrefix) {
    public static final int MAX_PREFIX_LENGTH = 32;
    private static final Pattern SCHEMA = Pattern.compile("[A-Za-z0-9_]{1,64}");

    public StateLocation {
        if (schema != null && !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("state schema must be 1-64 letters, digits or '_', got '" + schema + "'");
        }
        TablePrefix.of(tablePrefix);
        if (tablePrefix.length() > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("table prefix must be at most " + MAX_PREFIX_LENGTH
                    + " characters for the agent's table names to fit, got '" + tablePrefix + "'");
        }
    }

    /** The agent's tables beside WooCommerce's, in the connection's current database. */
    public static StateLocation inWordPressDatabase(String tablePrefix) {
        return new StateLocation(null, tablePrefix);
    }

    /** The agent's tables in a schema of their own. */
    public static StateLocation inSchema(String schema, String tablePrefix) {
        return new StateLocation(Objects.requireNonNull(schema, "schema"), tablePrefix);
    }

    public boolean separateSchema() {
        return schema != null;
    }

    /** The bare table name, e.g. {@code wp_caricomtr_order_sync}. */
    public String tableName(StateTable table) {
        return tablePrefix + StateTable.MARKER + table.suffix();
    }

    /** The name to put in SQL: quoted, and qualified with the schema when there is one. */
    public String qualified(StateTable table) {
        String name = "`" + tableName(table) + "`";
        return schema == null ? name : "`" + schema + "`." + name;
    }
}
