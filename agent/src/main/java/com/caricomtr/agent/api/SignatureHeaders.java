package com.caricomtr.agent.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The four signature headers of one request, as text. On the receiving side a component is null when its header
 * was absent; the verifier decides what that means.
 */
public record SignatureHeaders(String site, String timestamp, String nonce, String signature) {

    /** Header name to value, in the order the documentation lists them; for an HTTP client to copy. */
    public Map<String, String> asMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SignatureScheme.SITE_HEADER, site);
        headers.put(SignatureScheme.TIMESTAMP_HEADER, timestamp);
        headers.put(SignatureScheme.NONCE_HEADER, nonce);
        headers.put(SignatureScheme.SIGNATURE_HEADER, signature);
        return headers;
    }

    /** The signature is only as secret as the request, but there is no reason to spread it through logs either. */
    @Override
    public String toString() {
        return "SignatureHeaders[site=" + site + ", timestamp=" + timestamp + ", nonce=" + nonce + "]";
    }
}
