package com.caricomtr.agent.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names one site's claiming loop in one agent: what a claim stores as its holder ({@code claimed_by}, at most
 * {@value #MAX_LENGTH} characters), so that agents sharing a database can tell their claims apart.
 */
final class WorkerId {
    static final int MAX_LENGTH = 64;
    private static final int DIGEST_CHARS = 12;

    private WorkerId() {
    }

    /**
     * {@code agent/site}. A host name and a site id that is a domain can be 64 characters each: then the start is
     * kept, readable, and the rest becomes a digest of the whole, so that two agents whose names share a long start
     * still get different ids.
     */
    static String of(String agentId, String siteId) {
        String full = agentId + "/" + siteId;
        if (full.length() <= MAX_LENGTH) {
            return full;
        }
        String digest = HexFormat.of().formatHex(sha256(full)).substring(0, DIGEST_CHARS);
        return full.substring(0, MAX_LENGTH - DIGEST_CHARS - 1) + "~" + digest;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
