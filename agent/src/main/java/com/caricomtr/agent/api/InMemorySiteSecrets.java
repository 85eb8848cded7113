package com.caricomtr.agent.api;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.caricomtr.agent.cari.Masker;
import com.caricomtr.agent.sync.state.SiteIds;

import io.helidon.config.Config;

/**
 * Site secrets held in memory, usually read from the {@code sites} list of the agent's configuration. No method
 * of this class puts a secret into a message or into {@link #toString()}.
 */
public final class InMemorySiteSecrets implements SiteSecrets {
    /**
     * The bridge generates 64 random characters; 32 is the least that still gives an HMAC-SHA256 key more strength
     * than anyone can brute-force offline from one captured request.
     */
    static final int SHORTEST_SECRET = 32;

    private volatile Map<String, String> secretsBySite;
    private volatile Masker masker;

    private InMemorySiteSecrets(Map<String, String> secretsBySite) {
        this.secretsBySite = Map.copyOf(secretsBySite);
        this.masker = Masker.of(secretsBySite.values().toArray(String[]::new));
    }

    /**
     * A site that joined while the agent runs (a network's new blog), under the same rules as {@link #of}.
     *
     * @throws IllegalArgumentException when the id or the secret breaks them; nothing is added
     */
    public synchronized void add(String siteId, String secret) {
        Map<String, String> more = new LinkedHashMap<>(secretsBySite);
        more.put(siteId, secret);
        of(more);
        secretsBySite = Map.copyOf(more);
        masker = Masker.of(more.values().toArray(String[]::new));
    }

    /**
     * Site id to secret. Every id must follow {@link SiteIds#RULE}, every secret have at least
     * {@value #SHORTEST_SECRET} characters, and no two sites may share a secret: the signed text does not name the
     * site, so a shared secret would let one site's request pass for the other's.
     */
    public static InMemorySiteSecrets of(Map<String, String> secretsBySite) {
        Set<String> seenSecrets = new HashSet<>();
        for (Map.Entry<String, String> site : secretsBySite.entrySet()) {
            String id = site.getKey();
            String secret = site.getValue();
            // Not echoed: a secret pasted into the wrong field is still a secret.
            SiteIds.check("a site id", id);
            // The values are never echoed: a mistyped secret in an error message is still the secret.
            if (secret == null || secret.length() < SHORTEST_SECRET) {
                throw new IllegalArgumentException("the secret of site '" + id + "' must have at least "
                        + SHORTEST_SECRET + " characters");
            }
            if (!seenSecrets.add(secret)) {
                throw new IllegalArgumentException("site '" + id + "' has the same secret as another site; "
                        + "every site needs its own");
            }
        }
        return new InMemorySiteSecrets(secretsBySite);
    }

    /** Reads {@code sites: [{id: ..., secret: ...}, ...]}; other keys of each entry belong to other readers. */
    public static InMemorySiteSecrets from(Config sites) {
        Map<String, String> secretsBySite = new LinkedHashMap<>();
        List<Config> entries = sites.asNodeList().orElse(List.of());
        for (Config entry : entries) {
            String id = entry.get("id").asString().orElse(null);
            if (SiteIds.isValid(id) && secretsBySite.containsKey(id)) {
                throw new IllegalArgumentException("site '" + id + "' is configured twice");
            }
            secretsBySite.put(id, entry.get("secret").asString().orElse(null));
        }
        return of(secretsBySite);
    }

    @Override
    public Optional<String> secret(String siteId) {
        return siteId == null ? Optional.empty() : Optional.ofNullable(secretsBySite.get(siteId));
    }

    @Override
    public Masker masker() {
        return masker;
    }

    public Set<String> siteIds() {
        return secretsBySite.keySet();
    }

    @Override
    public String toString() {
        return "InMemorySiteSecrets" + secretsBySite.keySet();
    }
}
