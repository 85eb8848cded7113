package com.caricomtr.agent.sync.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name of the server-wide named lock ({@code GET_LOCK}) that serialises creating and updating one Cari customer.
 * It is derived from the Cari company (base URL and firma kodu) and the customer key, not from the site: two sites of
 * one Cari company whose state lives on one database server must not both create the same buyer either.
 *
 * <p>MySQL limits lock names to 64 characters, and keys may be long e-mail addresses, so the three parts are hashed:
 * {@code caricomtr:cari:} and 40 hex digits (160 bits) of their SHA-256. The base URL is lower-cased and loses its
 * trailing slashes, so that spellings of one address share a lock; a lock shared by mistake only serialises more.
 */
public final class CustomerLockName {
    static final String PREFIX = "caricomtr:cari:";
    private static final int HEX_DIGITS = 40;
    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

    private CustomerLockName() {
    }

    public static String of(String cariBaseUrl, String firmaKodu, String customerKey) {
        String base = TRAILING_SLASHES.matcher(cariBaseUrl.strip().toLowerCase(Locale.ROOT)).replaceAll("");
        String identity = base + "\n" + firmaKodu + "\n" + customerKey;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
