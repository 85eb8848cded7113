package com.caricomtr.agent.sync.state;

import java.util.regex.Pattern;

/**
 * Site ids key every row of shared state. They are bound as parameters, never spliced, but they are also shown in
 * logs and URLs, so they are kept to a plain ASCII alphabet that fits the {@code VARCHAR(64) ascii} columns.
 */
public final class SiteIds {
    private static final Pattern SITE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private SiteIds() {
    }

    public static String check(String siteId) {
        if (siteId == null || !SITE_ID.matcher(siteId).matches()) {
            throw new IllegalArgumentException("site id must be 1-64 characters of A-Z a-z 0-9 . _ : -, got '"
                    + siteId + "'");
        }
        return siteId;
    }
}
