package com.caricomtr.agent.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.caricomtr.agent.db.DatabaseSettings;

/**
 * The configuration file of an agent process serving test sites: each site reads a database and syncs into the
 * sandbox's company {@code DEMO}, without waiting for a bridge; anything else is set per site by dotted key
 * ({@code "sync.lease" → "3s"}).
 */
public final class AgentYaml {
    private final StringBuilder yaml = new StringBuilder("""
            server:
              host: 127.0.0.1
              port: 0
            sites:
            """);

    public static AgentYaml agent() {
        return new AgentYaml();
    }

    /**
     * A site on {@code jdbcUrl} (the database itself, or a proxy in front of it) with {@code db}'s credentials.
     *
     * @param settings keys below the site, {@code section.key} (e.g. {@code invoice.series}) or a key of the site
     *                 itself ({@code multisite}), written in order
     */
    public AgentYaml site(String id, String jdbcUrl, DatabaseSettings db, String cariBaseUrl,
            Map<String, String> settings) {
        return site(id, SyncFixture.SECRET + id, "wp_", jdbcUrl, db, cariBaseUrl, settings);
    }

    /**
     * A site with its own secret and table prefix (a WordPress installed with another {@code $table_prefix}).
     *
     * @param settings keys below the site, {@code section.key} (e.g. {@code invoice.series}), written in order
     */
    public AgentYaml site(String id, String secret, String prefix, String jdbcUrl, DatabaseSettings db,
            String cariBaseUrl, Map<String, String> settings) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        section(sections, "database").putAll(Map.of("url", quoted(jdbcUrl), "user", quoted(db.user()),
                "password", quoted(db.password())));
        Map<String, String> cari = section(sections, "cari");
        cari.put("base-url", quoted(cariBaseUrl));
        cari.put("firma-kodu", "DEMO");
        cari.put("api-token", "demo-token");
        section(sections, "hooks").put("require-registration", "false");
        Map<String, String> topLevel = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            int dot = key.indexOf('.');
            if (dot < 0) {
                topLevel.put(key, value);
            } else {
                section(sections, key.substring(0, dot)).put(key.substring(dot + 1), value);
            }
        });
        yaml.append("  - id: ").append(id).append('\n')
                .append("    secret: ").append(quoted(secret)).append('\n')
                .append("    prefix: ").append(prefix).append('\n');
        topLevel.forEach((key, value) -> yaml.append("    ").append(key).append(": ").append(value).append('\n'));
        sections.forEach((section, values) -> {
            yaml.append("    ").append(section).append(":\n");
            values.forEach((key, value) -> yaml.append("      ").append(key).append(": ").append(value).append('\n'));
        });
        return this;
    }

    /** The file, deleted when the test JVM exits. */
    public Path write() throws IOException {
        Path file = Files.createTempFile("agent", ".yaml");
        file.toFile().deleteOnExit();
        Files.writeString(file, yaml);
        return file;
    }

    private static Map<String, String> section(Map<String, Map<String, String>> sections, String name) {
        return sections.computeIfAbsent(name, n -> new LinkedHashMap<>());
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
