package com.caricomtr.agent.woo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** One storage's way of listing orders and loading their headers; items are shared by both storages. */
interface OrderSource {

    /** A query for up to {@code limit} order ids above {@code afterId}, ascending. */
    String idQuery(long afterId, int limit);

    /**
     * Loads the headers and order meta of {@code ids} and of their refunds, in a fixed number of statements.
     * Returns the orders by id; refunds are attached to their order's {@link RawOrder#refunds}.
     */
    Map<Long, RawOrder> loadHeaders(Connection connection, Sql sql, List<Long> ids) throws SQLException;
}
