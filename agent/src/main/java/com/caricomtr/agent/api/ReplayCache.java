package com.caricomtr.agent.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nonces of verified requests, per site, each until its request's timestamp can no longer pass the clock-skew
 * check. A site's share is bounded; when it is full a new nonce is refused rather than an old one forgotten, since
 * forgetting early would reopen exactly the replay window this cache exists to close.
 *
 * <p>Only verified requests are admitted, so only a holder of a site's secret can fill that site's share, and one
 * site can never crowd out another.
 */
final class ReplayCache {
    enum Admission { ACCEPTED, REPLAYED, FULL }

    private final int maxPerSite;
    private final Clock clock;
    private final Map<String, SiteNonces> sites = new ConcurrentHashMap<>();

    ReplayCache(int maxPerSite, Clock clock) {
        this.maxPerSite = maxPerSite;
        this.clock = clock;
    }

    /**
     * Records the nonce unless it is already known or the site's share is full.
     *
     * @param lastValidSecond the last epoch second at which the request's timestamp still passes the skew check
     */
    Admission admit(String siteId, String nonce, long lastValidSecond) {
        return sites.computeIfAbsent(siteId, id -> new SiteNonces())
                .admit(nonce, lastValidSecond, clock.instant().getEpochSecond(), maxPerSite);
    }

    /** How long until the site's oldest nonce expires and makes room; at least a second. */
    Duration untilRoom(String siteId) {
        SiteNonces nonces = sites.get(siteId);
        long seconds = nonces == null ? 1 : nonces.secondsUntilFirstExpiry(clock.instant().getEpochSecond());
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    int size(String siteId) {
        SiteNonces nonces = sites.get(siteId);
        return nonces == null ? 0 : nonces.size();
    }

    private static final class SiteNonces {
        private final Map<String, Long> lastValidSecondByNonce = new HashMap<>();
        private final PriorityQueue<Map.Entry<String, Long>> byExpiry =
                new PriorityQueue<>(Map.Entry.comparingByValue(Comparator.naturalOrder()));

        synchronized Admission admit(String nonce, long lastValidSecond, long now, int max) {
            forgetExpired(now);
            if (lastValidSecondByNonce.containsKey(nonce)) {
                return Admission.REPLAYED;
            }
            if (lastValidSecondByNonce.size() >= max) {
                return Admission.FULL;
            }
            lastValidSecondByNonce.put(nonce, lastValidSecond);
            byExpiry.add(Map.entry(nonce, lastValidSecond));
            return Admission.ACCEPTED;
        }

        synchronized long secondsUntilFirstExpiry(long now) {
            Map.Entry<String, Long> first = byExpiry.peek();
            return first == null ? 1 : first.getValue() - now + 1;
        }

        synchronized int size() {
            return lastValidSecondByNonce.size();
        }

        private void forgetExpired(long now) {
            while (!byExpiry.isEmpty() && byExpiry.peek().getValue() < now) {
                lastValidSecondByNonce.remove(byExpiry.poll().getKey());
            }
        }
    }
}
