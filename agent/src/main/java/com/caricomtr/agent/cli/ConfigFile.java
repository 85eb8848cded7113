package com.caricomtr.agent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.caricomtr.agent.config.ConfigurationRefused;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.helidon.config.ConfigSources;

/**
 * The agent's configuration as an operator writes it: a YAML file, any key of which an environment variable may
 * override through Helidon's mapping ({@code SERVER_PORT} for {@code server.port},
 * {@code SITES_0_DATABASE_PASSWORD} for the first site's password; {@code _dash_} for a {@code -}), and system
 * properties over both, all over the agent's defaults. The file is checked before anything starts: a file that is
 * missing, unreadable or not YAML, or a key no setting has, is refused with one line saying what to fix.
 */
final class ConfigFile {
    private static final Pattern YAML_MARK = Pattern.compile("line (\\d+), column (\\d+)");
    private static final Pattern LIST_INDEX = Pattern.compile("\\.(\\d+)(?=\\.|$)");

    private ConfigFile() {
    }

    static Config load(Path file) {
        if (!Files.exists(file)) {
            throw new ConfigurationRefused("the configuration file " + file + " does not exist: give serve --config"
                    + " the path of agent.yaml (see agent.example.yaml)");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConfigurationRefused("cannot read the configuration file " + file + ": check that it is a file"
                    + " the agent's user may read");
        }
        checkKeys(file, parsed(file));
        return Config.builder()
                .addSource(ConfigSources.environmentVariables())
                // -Dserver.host=... (the container image) overrides the file; the file overrides the defaults.
                .addSource(ConfigSources.systemProperties())
                .addSource(ConfigSources.file(file))
                .addSource(ConfigSources.classpath("application.yaml"))
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .build();
    }

    /** The file alone, parsed now: a YAML error is reported with its line, not at the first key read. */
    private static Config parsed(Path file) {
        try {
            Config config = Config.just(ConfigSources.file(file));
            config.traverse().count();
            return config;
        } catch (ConfigException e) {
            throw new ConfigurationRefused(file + " is not valid YAML" + yamlProblem(e));
        }
    }

    private static String yamlProblem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            Matcher mark = message == null ? null : YAML_MARK.matcher(message);
            if (mark != null && mark.find()) {
                String problem = message.lines().filter(l -> !l.isBlank() && !l.contains(" in 'reader'")
                        && !l.startsWith(" ")).findFirst().orElse("").strip();
                return " at line " + mark.group(1) + ", column " + mark.group(2)
                        + (problem.isEmpty() ? "" : ": " + problem);
            }
        }
        return ": " + e.getMessage();
    }

    /** Every key of the file must be a setting ({@link ConfigKeys}); a typo is named with the key it resembles. */
    private static void checkKeys(Path file, Config config) {
        List<String> problems = new ArrayList<>();
        String text = text(file);
        config.traverse().forEach(node -> {
            String key = node.key().toString();
            String generic = LIST_INDEX.matcher(key).replaceAll("[]");
            if (generic.endsWith("[]") && node.type() == Config.Type.VALUE && !generic.equals("sites[]")) {
                return; // an element of a list of values, e.g. one trigger status
            }
            if (!ConfigKeys.isKnown(generic) && ConfigKeys.isKnown(parent(generic))) {
                String name = generic.substring(generic.lastIndexOf('.') + 1);
                problems.add(key + lineOf(text, name) + " is not a setting"
                        + ConfigKeys.closest(generic).map(k -> "; did you mean " + k.substring(k.lastIndexOf('.')
                                + 1) + "?").orElse(""));
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigurationRefused(file + ": " + String.join("; ", problems)
                    + " (docs/configuration.md lists every key)");
        }
    }

    private static String parent(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "" : key.substring(0, dot);
    }

    /** " (line n)" of the first line where {@code name} is a key, for the operator's editor; "" if not found. */
    private static String lineOf(String text, String name) {
        Pattern key = Pattern.compile("^\\s*(?:-\\s+)?" + Pattern.quote(name) + "\\s*:");
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (key.matcher(lines.get(i)).find()) {
                return " (line " + (i + 1) + ")";
            }
        }
        return "";
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
