package com.caricomtr.agent.woo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The site's tax rates, read once per reader: they fill in a tax line's percent when an old order lacks
 * {@code rate_percent}, and map a tax class to a rate when a line's serialized tax data is unreadable.
 */
final class TaxRateTable {
    record Rate(long id, BigDecimal percent, String name, String taxClass) {
    }

    private final Map<Long, Rate> rates;

    private TaxRateTable(Map<Long, Rate> rates) {
        this.rates = Map.copyOf(rates);
    }

    static TaxRateTable load(Connection connection, Sql sql, TablePrefix prefix) throws SQLException {
        Map<Long, Rate> rates = new HashMap<>();
        sql.query(connection, "SELECT tax_rate_id, tax_rate, tax_rate_name, tax_rate_class FROM "
                + prefix.table("woocommerce_tax_rates"), rs -> {
                    BigDecimal percent;
                    try {
                        percent = Amounts.normalise(new BigDecimal(rs.getString(2).strip()));
                    } catch (RuntimeException e) {
                        percent = null;
                    }
                    rates.put(rs.getLong(1), new Rate(rs.getLong(1), percent, rs.getString(3), rs.getString(4)));
                });
        return new TaxRateTable(rates);
    }

    Rate get(long id) {
        return rates.get(id);
    }
}
