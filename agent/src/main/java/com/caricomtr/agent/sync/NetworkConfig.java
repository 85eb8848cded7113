package com.caricomtr.agent.sync;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.caricomtr.agent.cari.DurationSetting;
import com.caricomtr.agent.woo.TablePrefix;

import io.helidon.config.Config;

/**
 * A WordPress multisite network served from one entry ({@code multisite: true}): every blog with WooCommerce tables
 * is a site of its own, found at start and again every {@code multisite-rediscovery}, so a blog added to the network
 * is served without a restart. Each blog gets
 * <ul>
 *     <li>the id {@code <entry id>-<blog id>} ({@code shops-1}, {@code shops-2}, ...),</li>
 *     <li>the blog's tables (WordPress's prefix: the base prefix for blog 1, {@code <base><blog id>_} after),</li>
 *     <li>a secret of its own, derived from the entry's ({@link #blogSecret}), which a network-activated bridge
 *     computes the same way, so that one blog's signature never passes for another's,</li>
 *     <li>everything else of the entry (database, Cari account, invoice and sync choices), each blog's admin
 *     changing its own from the dashboard.</li>
 * </ul>
 *
 * @param entry           the entry as a site: the network's id, base prefix and secret
 * @param rediscoverEvery how often the network is looked at again for new blogs
 */
public record NetworkConfig(SiteConfig entry, Duration rediscoverEvery) {
    public static final Duration DEFAULT_REDISCOVERY = Duration.ofMinutes(1);

    /** Every {@code multisite: true} entry under {@code sites}. */
    public static List<NetworkConfig> allFrom(Config root) {
        List<NetworkConfig> networks = new ArrayList<>();
        for (Config site : root.get("sites").asNodeList().orElse(List.of())) {
            if (isNetwork(site)) {
                networks.add(new NetworkConfig(SiteConfig.from(site),
                        duration(site.get("multisite-rediscovery"), DEFAULT_REDISCOVERY)));
            }
        }
        return networks;
    }

    private static Duration duration(Config node, Duration fallback) {
        return node.asString().asOptional().map(v -> DurationSetting.parse(node.key().toString(), v)).orElse(fallback);
    }

    static boolean isNetwork(Config site) {
        return site.get("multisite").asBoolean().orElse(false);
    }

    /** The site of one blog of the network. */
    public SiteConfig blog(long blogId, TablePrefix prefix) {
        return entry.forShop(blogSiteId(entry.id(), blogId), prefix, blogSecret(entry.secret(), blogId));
    }

    public static String blogSiteId(String networkId, long blogId) {
        return networkId + "-" + blogId;
    }

    /**
     * A blog's secret: HMAC-SHA256 with the network's secret as the key over {@code caricomtr-blog:<blog id>}, in
     * lowercase hex (64 characters). In PHP: {@code hash_hmac('sha256', 'caricomtr-blog:' . $blog_id, $secret)}.
     */
    public static String blogSecret(String networkSecret, long blogId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(networkSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("caricomtr-blog:" + blogId)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    /** Whether {@code siteId} is one of this network's blogs. */
    boolean owns(String siteId) {
        return siteId.startsWith(entry.id() + "-") && siteId.substring(entry.id().length() + 1).matches("[0-9]+");
    }
}
