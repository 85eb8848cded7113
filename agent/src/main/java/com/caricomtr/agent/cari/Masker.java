package com.caricomtr.agent.cari;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Hides the firma kodu and the API token in text that may be logged or put in an exception: every occurrence
 * becomes the first two characters followed by {@code ****}, as docs/cari-api.md prescribes.
 *
 * <p>A secret is also looked for in the forms it takes on the wire (percent-encoded in a URL, escaped in JSON,
 * including PHP's default escaping of slashes and non-ASCII characters), because Cari may echo it back in any
 * of them.
 */
public final class Masker {
    private static final String STARS = "****";
    /** Below this length two visible characters would give away half the secret or more. */
    private static final int SHORTEST_WITH_VISIBLE_PREFIX = 4;

    /** Each form a secret can take, mapped to its mask; longest first so that no form is cut by a shorter one. */
    private final List<Map.Entry<String, String>> replacements;

    private Masker(List<Map.Entry<String, String>> replacements) {
        this.replacements = replacements;
    }

    /** A masker for the given secrets; null or blank ones are ignored. */
    public static Masker of(String... secrets) {
        Map<String, String> forms = new LinkedHashMap<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                wireForms(secret).forEach(form -> forms.putIfAbsent(form, mask(secret)));
            }
        }
        List<Map.Entry<String, String>> ordered = new ArrayList<>(forms.entrySet());
        ordered.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        return new Masker(List.copyOf(ordered));
    }

    /** The masked form of one secret: {@code "AB****"}; just {@code "****"} when the secret is very short. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        if (secret.length() < SHORTEST_WITH_VISIBLE_PREFIX) {
            return STARS;
        }
        return secret.substring(0, 2) + STARS;
    }

    /** The text with every known secret masked; null stays null. */
    public String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Map.Entry<String, String> replacement : replacements) {
            result = result.replace(replacement.getKey(), replacement.getValue());
        }
        return result;
    }

    private static Set<String> wireForms(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        String urlEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        forms.add(urlEncoded);
        forms.add(urlEncoded.replace("+", "%20"));
        String json = new String(JsonStringEncoder.getInstance().quoteAsString(secret));
        for (String escaped : List.of(json, unicodeEscaped(json, false), unicodeEscaped(json, true))) {
            forms.add(escaped);
            forms.add(escaped.replace("/", "\\/"));
        }
        return forms;
    }

    private static String unicodeEscaped(String json, boolean upperCaseHex) {
        StringBuilder escaped = new StringBuilder(json.length());
        json.chars().forEach(c -> {
            if (c < 0x80) {
                escaped.append((char) c);
            } else {
                String hex = String.format("%04x", c);
                escaped.append("\\u").append(upperCaseHex ? hex.toUpperCase(Locale.ROOT) : hex);
            }
        });
        return escaped.toString();
    }

    @Override
    public String toString() {
        return "Masker[" + replacements.size() + " forms]";
    }
}
