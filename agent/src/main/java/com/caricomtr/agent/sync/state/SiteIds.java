package com.caricomtr.agent.sync.state;

import java.util.regex.Pattern;

/**
 * The one rule for site ids, applied by the configuration, the signed API and the state stores alike.
 *
 * <p>An id keys every row of shared state (bound as a parameter, never spliced, into {@code VARCHAR(64) ascii}
 * columns) and travels in the {@code X-Caricomtr-Site} header, in URL paths ({@code /v1/sites/{site}/...}), in log
 * lines, thread and pool names. Hosting providers name their sites by domain, so {@code .} is allowed
 * ({@code shop.example.com}), but not first: an id is then never a {@code .} or {@code ..} path segment, which HTTP
 * clients resolve away before sending. Every id the configuration accepted before {@code .} was allowed still is.
 */
public final class SiteIds {
    public static final String RULE = "1 to 64 characters of A-Z a-z 0-9 . _ -, not starting with '.'";
    public static final int MAX_LENGTH = 64;
    private static final Pattern SITE_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

    private SiteIds() {
    }

    public static boolean isValid(String siteId) {
        return siteId != null && SITE_ID.matcher(siteId).matches();
    }

    public static String check(String siteId) {
        return check("site id", siteId);
    }

    /**
     * The id, or a refusal naming where it came from ({@code setting}, e.g. {@code sites.0.id}) and what is wrong
     * with it. The id itself is not echoed: a secret pasted into the wrong field is still a secret.
     */
    public static String check(String setting, String siteId) {
        if (!isValid(siteId)) {
            throw new IllegalArgumentException(setting + " must be " + RULE + "; " + problem(siteId));
        }
        return siteId;
    }

    /** What is wrong with an id that is not valid, without repeating it. */
    static String problem(String siteId) {
        if (siteId == null) {
            return "it is missing";
        }
        if (siteId.isEmpty()) {
            return "it is empty";
        }
        if (siteId.length() > MAX_LENGTH) {
            return "it has " + siteId.length() + " characters";
        }
        if (siteId.charAt(0) == '.') {
            return "it starts with '.'";
        }
        return siteId.codePoints().filter(c -> !(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_'
                || c == '-'))).mapToObj(c -> "it contains " + shown(c)).findFirst().orElse("it is not allowed");
    }

    private static String shown(int codePoint) {
        return codePoint > ' ' && codePoint < 127 ? "'" + (char) codePoint + "'"
                : String.format("U+%04X", codePoint);
    }
}
