package com.caricomtr.agent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.caricomtr.agent.api.RelaySettings;
import com.caricomtr.agent.api.SignatureSettings;
import com.caricomtr.agent.sync.SiteConfig;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration reference ("Every key" in docs/configuration.md) and the code agree: every key the readers read
 * is listed, every listed key is read, the keys the start accepts ({@link ConfigKeys}) are exactly the listed ones,
 * and each listed default is the code's (the key set to it reads the same as the key left out). The keys read are
 * taken from the readers' sources, so a key added there without a line in the docs fails here.
 */
class ConfigurationDocsTest {
    private static final Path SOURCES = Path.of("src/main/java/com/caricomtr/agent");
    private static final Path DOCS = Path.of("../docs/configuration.md");
    /** Each reader, and where the node it is given sits in the file. */
    private static final Map<String, String> READERS = Map.of(
            "sync/SiteConfig.java", "site=sites[]",
            "sync/NetworkConfig.java", "site=sites[]",
            "cari/CariSettings.java", "cari=sites[].cari",
            "api/SignatureSettings.java", "auth=auth",
            "api/RelaySettings.java", "relay=relay");
    /** Read by Helidon's WebServer from the {@code server} node, which the agent hands over whole. */
    private static final Set<String> SERVER_KEYS = Set.of("server.host", "server.port",
            "server.protocols.http_1_1.max-buffered-entity-size");
    private static final Pattern NODE = Pattern.compile("Config (\\w+) = (\\w+)\\.get\\(\"([a-z0-9-]+)\"\\)");
    private static final Pattern VALUE = Pattern.compile("(\\w+)\\.get\\(\"([a-z0-9.-]+)\"\\)\\.as(?!NodeList)");
    private static final Pattern HELPER = Pattern.compile(
            "(duration|SecretSetting\\.read)\\((\\w+)(?:\\.get\\(|, )\"([a-z0-9-]+)\"");
    private static final Pattern ROW = Pattern.compile("^\\| (`[^|]+`) \\| ([^|]+) \\|", Pattern.MULTILINE);
    private static final Pattern KEY = Pattern.compile("`([a-z0-9_.\\[\\]-]+)`");
    private static final String SECRET = "docs-secret-0123456789abcdef-0123456789";

    @Test
    void everyKeyTheCodeReadsIsDocumentedAndEveryDocumentedKeyIsRead() throws IOException {
        Set<String> read = keysRead();
        Set<String> documented = documentedDefaults().keySet();
        assertThat(read).as("keys the readers read").contains("sites[].sync.lease", "sites[].cari.call-timeout",
                "sites[].database.max-pool-size", "auth.clock-skew", "relay.filter-timeout");

        Set<String> undocumented = new TreeSet<>(read);
        undocumented.removeAll(documented);
        assertThat(undocumented).as("read but not in docs/agent-api.md, Every key").isEmpty();
        Set<String> unread = new TreeSet<>(documented);
        unread.removeAll(read);
        unread.removeAll(SERVER_KEYS);
        assertThat(unread).as("documented but read by no reader").isEmpty();
    }

    @Test
    void theStartAcceptsExactlyTheDocumentedKeys() throws IOException {
        Set<String> documented = new TreeSet<>(documentedDefaults().keySet());
        documented.removeAll(SERVER_KEYS);
        assertThat(new TreeSet<>(ConfigKeys.KNOWN)).isEqualTo(documented);
        assertThat(ConfigKeys.closest("sites[].sync.trigger-status")).contains("sites[].sync.trigger-statuses");
        assertThat(ConfigKeys.closest("sites[].databse")).isEmpty();
    }

    @Test
    void everyDocumentedDefaultIsTheCodesDefault() throws IOException {
        Config application = Config.just(ConfigSources.classpath("application.yaml"));
        List<String> checked = new ArrayList<>();
        documentedDefaults().forEach((key, value) -> {
            if (value == null) {
                return;
            }
            if (SERVER_KEYS.contains(key)) {
                assertThat(application.get(key).asString().get()).as(key).isEqualTo(value);
            } else if (key.startsWith("sites[].")) {
                String setting = key.substring("sites[].".length());
                assertThat(SiteConfig.from(site(setting, value))).as("%s: %s", key, value)
                        .isEqualTo(SiteConfig.from(site(null, null)));
            } else if (key.startsWith("auth.")) {
                assertThat(SignatureSettings.from(root(key, value).get("auth"))).as("%s: %s", key, value)
                        .isEqualTo(SignatureSettings.defaults());
            } else {
                assertThat(RelaySettings.from(root(key, value).get("relay"))).as("%s: %s", key, value)
                        .isEqualTo(RelaySettings.defaults());
            }
            checked.add(key);
        });
        assertThat(checked).as("defaults compared").hasSizeGreaterThan(30);
    }

    @Test
    void theExamplesUseDocumentedKeysOnly() throws IOException {
        Set<String> documented = documentedDefaults().keySet();
        String docs = Files.readString(DOCS);
        String example = docs.substring(docs.indexOf("```yaml"));
        example = example.substring("```yaml\n".length(), example.indexOf("```\n", 8));
        for (String yaml : List.of(example, Files.readString(Path.of("../docker/agent.example.yaml")))) {
            assertThat(leafKeys(yaml(yaml))).isNotEmpty().allSatisfy(key -> assertThat(documented).contains(key));
        }
    }

    /** The keys the readers read, as the docs write them ({@code sites[].sync.lease}). */
    private static Set<String> keysRead() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Map.Entry<String, String> reader : READERS.entrySet()) {
            String source = Files.readString(SOURCES.resolve(reader.getKey()));
            Map<String, String> nodes = new LinkedHashMap<>();
            String[] given = reader.getValue().split("=");
            nodes.put(given[0], given[1]);
            for (Matcher m = NODE.matcher(source); m.find(); ) {
                nodes.put(m.group(1), prefix(nodes, m.group(2), reader.getKey()) + "." + m.group(3));
            }
            for (Matcher m = VALUE.matcher(source); m.find(); ) {
                keys.add(prefix(nodes, m.group(1), reader.getKey()) + "." + m.group(2));
            }
            for (Matcher m = HELPER.matcher(source); m.find(); ) {
                String key = prefix(nodes, m.group(2), reader.getKey()) + "." + m.group(3);
                keys.add(key);
                if (m.group(1).startsWith("SecretSetting")) {
                    keys.add(key + "-env");
                    keys.add(key + "-file");
                }
            }
        }
        return keys;
    }

    private static String prefix(Map<String, String> nodes, String variable, String reader) {
        String prefix = nodes.get(variable);
        assertThat(prefix).as("%s reads keys from '%s': tell this test where that node is", reader, variable)
                .isNotNull();
        return prefix;
    }

    /** Each documented key and its default as written in YAML; null when it has none (required, none, empty). */
    private static Map<String, String> documentedDefaults() throws IOException {
        String docs = Files.readString(DOCS);
        String table = docs.substring(docs.indexOf("\n### Every key"));
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Matcher row = ROW.matcher(table); row.find(); ) {
            Matcher value = Pattern.compile("^`([^`]+)`").matcher(row.group(2).trim());
            for (Matcher key = KEY.matcher(row.group(1)); key.find(); ) {
                boolean alias = key.group(1).endsWith("-env") || key.group(1).endsWith("-file");
                defaults.put(key.group(1), value.find(0) && !alias ? value.group(1) : null);
            }
        }
        return defaults;
    }

    /** A minimal site, plus {@code setting} (e.g. {@code sync.lease}) at {@code value} unless null. */
    private static Config site(String setting, String value) {
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("id", "docs.example.com");
        site.put("secret", SECRET);
        put(site, "database.url", "jdbc:mariadb://127.0.0.1:3306/wordpress");
        put(site, "cari.firma-kodu", "DEMO");
        put(site, "cari.api-token", "demo-token");
        if (setting != null) {
            put(site, setting, value);
        }
        StringBuilder yaml = new StringBuilder("sites:\n");
        List<String> lines = render(site, 0);
        for (int i = 0; i < lines.size(); i++) {
            yaml.append(i == 0 ? "  - " : "    ").append(lines.get(i)).append('\n');
        }
        return yaml(yaml.toString()).get("sites").asNodeList().orElseThrow().getFirst();
    }

    private static Config root(String key, String value) {
        Map<String, Object> root = new LinkedHashMap<>();
        put(root, key, value);
        return yaml(String.join("\n", render(root, 0)) + "\n");
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> map, String dottedKey, String value) {
        String[] parts = dottedKey.split("\\.", 2);
        if (parts.length == 1) {
            map.put(parts[0], value);
        } else {
            put((Map<String, Object>) map.computeIfAbsent(parts[0], k -> new LinkedHashMap<String, Object>()),
                    parts[1], value);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> render(Map<String, Object> map, int indent) {
        List<String> lines = new ArrayList<>();
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> child) {
                lines.add(" ".repeat(indent) + key + ":");
                lines.addAll(render((Map<String, Object>) child, indent + 2));
            } else {
                lines.add(" ".repeat(indent) + key + ": " + value);
            }
        });
        return lines;
    }

    /** {@code sites.0.sync.lease} as {@code sites[].sync.lease}; a list value is one key. */
    private static Set<String> leafKeys(Config node) {
        Set<String> keys = new TreeSet<>();
        if (node.isLeaf() || node.type() == Config.Type.LIST && !node.key().toString().equals("sites")) {
            keys.add(node.key().toString().replaceFirst("^sites\\.\\d+\\.", "sites[]."));
        } else {
            node.asNodeList().orElse(List.of()).forEach(child -> keys.addAll(leafKeys(child)));
        }
        return keys;
    }

    private static Config yaml(String text) {
        return Config.just(ConfigSources.create(text, MediaTypes.APPLICATION_YAML));
    }
}
