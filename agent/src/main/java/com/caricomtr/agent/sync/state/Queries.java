package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Binding for the dynamically filtered listings. */
final class Queries {
    private Queries() {
    }

    static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        int index = 1;
        for (Object value : values) {
            switch (value) {
                case Instant instant -> Jdbc.setInstant(statement, index, instant);
                case Long number -> statement.setLong(index, number);
                case Integer number -> statement.setInt(index, number);
                case String text -> statement.setString(index, text);
                default -> throw new IllegalArgumentException("cannot bind " + value.getClass());
            }
            index++;
        }
    }

    static long count(Connection connection, String sql, String siteId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, siteId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
