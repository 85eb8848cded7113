package com.caricomtr.agent.db;

/**
 * Where a site's database is. The password is never printed: {@link #toString()} masks it.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize, String poolName) {

    public DatabaseSettings {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("database url must be a jdbc: URL, got " + jdbcUrl);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        maxPoolSize = maxPoolSize <= 0 ? 4 : maxPoolSize;
        poolName = poolName == null || poolName.isBlank() ? "caricomtr" : poolName;
    }

    public static DatabaseSettings of(String jdbcUrl, String user, String password) {
        return new DatabaseSettings(jdbcUrl, user, password, 4, null);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "****")
                + ", maxPoolSize=" + maxPoolSize + "]";
    }

    public DatabaseSettings withPoolName(String name) {
        return new DatabaseSettings(jdbcUrl, user, password, maxPoolSize, name);
    }
}
