package com.caricomtr.agent.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every key of the agent's configuration file, as docs/configuration.md lists them ({@code sites[]} stands for each
 * site): a key the file holds and this list lacks is a typo, refused at start with the closest known key. Helidon
 * reads {@code server} itself, so any key below it passes. {@code ConfigurationDocsTest} keeps this list, the code
 * that reads the keys and the document in step.
 */
final class ConfigKeys {
    static final String HELIDON_SERVER = "server";

    private static final List<String> SECRETS = List.of("sites[].secret", "sites[].database.password",
            "sites[].cari.api-token");

    static final Set<String> KNOWN = known();

    private ConfigKeys() {
    }

    private static Set<String> known() {
        Set<String> keys = new TreeSet<>(List.of(
                "auth.clock-skew", "auth.max-body-size", "auth.replay-cache-size",
                "relay.connect-timeout", "relay.filter-timeout", "relay.action-timeout", "relay.max-answer-bytes",
                "sites[].id", "sites[].prefix", "sites[].state-schema", "sites[].multisite",
                "sites[].multisite-rediscovery",
                "sites[].database.url", "sites[].database.user", "sites[].database.max-pool-size",
                "sites[].cari.base-url", "sites[].cari.firma-kodu", "sites[].cari.connect-timeout",
                "sites[].cari.read-timeout", "sites[].cari.write-timeout", "sites[].cari.call-timeout",
                "sites[].cari.max-idle-connections", "sites[].cari.keep-alive", "sites[].cari.max-concurrent-calls",
                "sites[].invoice.series", "sites[].invoice.numbering", "sites[].invoice.gib-style",
                "sites[].invoice.allow-placeholder-tckn", "sites[].invoice.shared-numbering",
                "sites[].sync.trigger-statuses", "sites[].sync.poll-interval", "sites[].sync.concurrency",
                "sites[].sync.rate-per-second", "sites[].sync.max-attempts", "sites[].sync.base-backoff",
                "sites[].sync.max-backoff", "sites[].sync.lease", "sites[].sync.retention-days",
                "sites[].hooks.require-registration"));
        for (String secret : SECRETS) {
            keys.add(secret);
            keys.add(secret + "-env");
            keys.add(secret + "-file");
        }
        return Set.copyOf(keys);
    }

    /** Whether {@code key} ({@code sites[].sync.lease}) is a setting, or a section holding some. */
    static boolean isKnown(String key) {
        if (key.isEmpty()) {
            return true;
        }
        if (key.equals(HELIDON_SERVER) || key.startsWith(HELIDON_SERVER + ".")) {
            return true;
        }
        return KNOWN.contains(key) || KNOWN.stream().anyMatch(k -> k.startsWith(key + ".") || k.startsWith(key + "["));
    }

    /**
     * The known key most like {@code unknown}: among its siblings first (same section), by edit distance, when it is
     * close enough to be a typo.
     */
    static Optional<String> closest(String unknown) {
        int dot = unknown.lastIndexOf('.');
        String section = dot < 0 ? "" : unknown.substring(0, dot + 1);
        String name = unknown.substring(dot + 1);
        Optional<String> sibling = KNOWN.stream()
                .filter(k -> k.startsWith(section) && k.indexOf('.', section.length()) < 0)
                .min(Comparator.comparingInt(k -> distance(name, k.substring(section.length()))))
                .filter(k -> distance(name, k.substring(section.length())) <= Math.max(2, name.length() / 3));
        if (sibling.isPresent()) {
            return sibling;
        }
        return KNOWN.stream().min(Comparator.comparingInt(k -> distance(unknown, k)))
                .filter(k -> distance(unknown, k) <= Math.max(2, unknown.length() / 4));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
