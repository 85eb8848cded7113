package com.caricomtr.agent.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.caricomtr.agent.cari.Masker;

/**
 * Sites of one agent that would print the same invoice numbers into one Cari company. Cari keeps {@code fatura_no}
 * unique per company, so two shops there with series {@code WOO} (a natural set-up: one company, two storefronts)
 * would each number order 32 {@code WOO2025000000032}: the second shop's order would meet the first's invoice. The
 * agent never adopts it (it is not that order's), but the order could then never be invoiced under its number, so
 * such a configuration is refused at start, and a settings change that makes one is refused too, unless every site
 * involved says {@code invoice.shared-numbering: true}.
 *
 * <p>One company is one Cari base URL and firma kodu. GİB numbers overlap when their 3-character series are equal;
 * plain numbers ({@code series + sequence}) when one series begins the other ({@code WOO} + 12 is {@code WOO1} + 2).
 */
final class SharedNumbering {
    /** What of a site decides which numbers it prints, and where. */
    record Numbering(String siteId, String baseUrl, String firmaKodu, String series, boolean gibStyle,
                     boolean sharedOnPurpose, String network) {

        static Numbering of(SiteConfig config, SiteSettings settings) {
            return of(config, settings, null);
        }

        /** @param network the multisite network the site is a blog of, or null */
        static Numbering of(SiteConfig config, SiteSettings settings, String network) {
            return new Numbering(config.id(), config.cari().baseUrl(), settings.firmaKodu(), settings.invoiceSeries(),
                    config.invoice().gibStyleNumber(), config.sharedNumbering(), network);
        }

        boolean sameCompany(Numbering other) {
            return normalised(baseUrl).equals(normalised(other.baseUrl))
                    && firmaKodu.equalsIgnoreCase(other.firmaKodu);
        }

        boolean overlaps(Numbering other) {
            if (!sameCompany(other)) {
                return false;
            }
            if (gibStyle && other.gibStyle) {
                return series.equals(other.series);
            }
            return series.startsWith(other.series) || other.series.startsWith(series);
        }

        private static String normalised(String url) {
            String trimmed = url.strip().toLowerCase(Locale.ROOT);
            return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        }
    }

    /** Two sites whose numbers coincide in one Cari company. */
    record Overlap(Numbering a, Numbering b) {
        /**
         * Both configured so, or two blogs of one network: they start from the network's one entry, each blog's admin
         * giving it a series or firma kodu of its own from the dashboard.
         */
        boolean onPurpose() {
            return a.sharedOnPurpose() && b.sharedOnPurpose() || siblings();
        }

        private boolean siblings() {
            return a.network() != null && a.network().equals(b.network());
        }

        boolean involves(String siteId) {
            return a.siteId().equals(siteId) || b.siteId().equals(siteId);
        }

        /** One line for an operator: what collides and what to change. */
        String problem() {
            return "sites " + a.siteId() + " and " + b.siteId() + " would print the same invoice numbers into one"
                    + " Cari company (firma kodu " + Masker.mask(a.firmaKodu()) + " at " + a.baseUrl() + ", series "
                    + a.series() + " and " + b.series() + "): give each site its own invoice.series, or set"
                    + " invoice.shared-numbering: true on both if that is meant";
        }

        String warning() {
            return "sites " + a.siteId() + " and " + b.siteId() + " share invoice numbering (series " + a.series()
                    + " / " + b.series() + ") on one Cari company, " + (siblings()
                    ? "as blogs of network " + a.network() + " do until each has its own series or firma kodu"
                    : "as configured") + ": an order whose number the other site took goes to needs_review";
        }
    }

    private SharedNumbering() {
    }

    /** Every pair of sites whose numbers coincide, allowed or not. */
    static List<Overlap> overlaps(Collection<Numbering> sites) {
        List<Numbering> list = List.copyOf(sites);
        List<Overlap> overlaps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                if (list.get(i).overlaps(list.get(j))) {
                    overlaps.add(new Overlap(list.get(i), list.get(j)));
                }
            }
        }
        return overlaps;
    }

    /** The sites in {@code current} with {@code siteId}'s settings replaced by {@code candidate}. */
    static List<Numbering> with(Map<String, Numbering> current, Numbering candidate) {
        // keeps the agent's site order, so that messages name the sites as configured
        List<Numbering> sites = new ArrayList<>();
        current.forEach((id, numbering) -> sites.add(id.equals(candidate.siteId()) ? candidate : numbering));
        return sites;
    }

}
