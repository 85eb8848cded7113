package com.caricomtr.agent.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.caricomtr.agent.cari.CariSettings;
import com.caricomtr.agent.config.ConfigurationRefused;
import com.caricomtr.agent.config.SecretSetting;
import com.caricomtr.agent.cari.DurationSetting;
import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.invoice.InvoiceSettings;
import com.caricomtr.agent.invoice.NumberingStrategy;
import com.caricomtr.agent.sync.state.SiteIds;
import com.caricomtr.agent.woo.TablePrefix;

import io.helidon.config.Config;

/**
 * One shop the agent serves: its database, its Cari account, its invoice and sync choices, and the secret the
 * bridge signs with. One agent can serve many (hosting providers run one beside many WordPress sites).
 *
 * @param stateSchema             null to keep the agent's tables in the WordPress database; else a schema of their own
 * @param requireHookRegistration sync nothing until the site's bridge has registered its hooks (at any time: the
 *                                registration is stored), so that no order is sent without the shop's filters;
 *                                {@code hooks.require-registration}, true unless configured otherwise. Only a site
 *                                without a bridge (demo, benchmarks) should turn it off.
 * @param sharedNumbering         {@code invoice.shared-numbering}: this site knowingly prints invoice numbers that
 *                                another site of the agent prints into the same Cari company ({@link SharedNumbering});
 *                                false unless configured, and then such sites are refused at start
 */
public record SiteConfig(String id,
                         DatabaseSettings database,
                         TablePrefix prefix,
                         String stateSchema,
                         String secret,
                         CariSettings cari,
                         InvoiceSettings invoice,
                         SyncPolicy policy,
                         boolean requireHookRegistration,
                         boolean sharedNumbering) {

    public SiteConfig {
        SiteIds.check("site id", id);
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("site " + id + ": the shared secret must have at least 32 characters");
        }
    }

    /** Every single site under {@code sites} of the agent's configuration; networks are {@link NetworkConfig}'s. */
    public static List<SiteConfig> allFrom(Config root) {
        List<SiteConfig> sites = new ArrayList<>();
        for (Config site : root.get("sites").asNodeList().orElse(List.of())) {
            if (!NetworkConfig.isNetwork(site)) {
                sites.add(from(site));
            }
        }
        return sites;
    }

    public static SiteConfig from(Config site) {
        String id = SiteIds.check(site.get("id").key().toString(), site.get("id").asString().orElse(null));
        Config db = site.get("database");
        DatabaseSettings database = new DatabaseSettings(db.get("url").asString().get(),
                db.get("user").asString().orElse("root"), SecretSetting.read(db, "password").orElse(""),
                db.get("max-pool-size").asInt().orElse(8), "site-" + id);
        SyncPolicy defaults = SyncPolicy.DEFAULTS;
        Config sync = site.get("sync");
        SyncPolicy policy = new SyncPolicy(
                sync.get("trigger-statuses").asList(String.class).orElse(defaults.triggerStatuses()),
                duration(sync.get("poll-interval"), defaults.pollInterval()),
                sync.get("concurrency").asInt().orElse(defaults.concurrency()),
                sync.get("rate-per-second").asDouble().orElse(defaults.ratePerSecond()),
                sync.get("max-attempts").asInt().orElse(defaults.maxAttempts()),
                duration(sync.get("base-backoff"), defaults.baseBackoff()),
                duration(sync.get("max-backoff"), defaults.maxBackoff()),
                duration(sync.get("lease"), defaults.lease()),
                sync.get("retention-days").asInt().orElse(defaults.retentionDays()));
        Config inv = site.get("invoice");
        InvoiceSettings invoice = InvoiceSettings.defaults()
                .withSeries(inv.get("series").asString().orElse("WOO"))
                .withNumbering(NumberingStrategy.valueOf(inv.get("numbering").asString().orElse("ORDER_NUMBER")))
                .withGibStyleNumber(inv.get("gib-style").asBoolean().orElse(true))
                .withAllowPlaceholderTckn(inv.get("allow-placeholder-tckn").asBoolean().orElse(true));
        return new SiteConfig(id, database, TablePrefix.of(site.get("prefix").asString().orElse("wp_")),
                site.get("state-schema").asString().orElse(null),
                SecretSetting.read(site, "secret").orElseThrow(() -> new ConfigurationRefused("site " + id
                        + " has no secret: give " + site.key() + ".secret-file, .secret-env or .secret")),
                CariSettings.from(site.get("cari")), invoice, policy,
                site.get("hooks.require-registration").asBoolean().orElse(true),
                inv.get("shared-numbering").asBoolean().orElse(false));
    }

    public SiteConfig withRequireHookRegistration(boolean require) {
        return new SiteConfig(id, database, prefix, stateSchema, secret, cari, invoice, policy, require,
                sharedNumbering);
    }

    public SiteConfig withPolicy(SyncPolicy newPolicy) {
        return new SiteConfig(id, database, prefix, stateSchema, secret, cari, invoice, newPolicy,
                requireHookRegistration, sharedNumbering);
    }

    public SiteConfig withCari(CariSettings newCari) {
        return new SiteConfig(id, database, prefix, stateSchema, secret, newCari, invoice, policy,
                requireHookRegistration, sharedNumbering);
    }

    /** The same settings for another shop: a blog of a network has its own id, tables and secret. */
    public SiteConfig forShop(String newId, TablePrefix newPrefix, String newSecret) {
        return new SiteConfig(newId, database.withPoolName("site-" + newId), newPrefix, stateSchema, newSecret, cari,
                invoice, policy, requireHookRegistration, sharedNumbering);
    }

    public SiteConfig withSharedNumbering(boolean shared) {
        return new SiteConfig(id, database, prefix, stateSchema, secret, cari, invoice, policy,
                requireHookRegistration, shared);
    }

    private static Duration duration(Config node, Duration fallback) {
        return node.asString().asOptional().map(v -> DurationSetting.parse(node.key().toString(), v)).orElse(fallback);
    }

    @Override
    public String toString() {
        return "SiteConfig[id=" + id + ", database=" + database + ", prefix=" + prefix + ", stateSchema=" + stateSchema
                + ", secret=****, cari=" + cari + ", requireHookRegistration=" + requireHookRegistration
                + ", sharedNumbering=" + sharedNumbering + "]";
    }
}
