package com.caricomtr.sandbox.traffic;

import java.time.Instant;

/**
 * One API request as the sandbox saw it.
 *
 * @param status    the answer's status, or null when no answer was sent (dropped or closed connection)
 * @param errorCode {@code hata.kod} of an error answer
 * @param fault     the injected fault ({@code drop}, {@code timeout}, ...), or null
 * @param firmaKodu the masked firma kodu the client sent, or null
 */
public record RequestRecord(Instant at, String method, String path, String query, String firmaKodu, Integer status,
                            String errorCode, String fault, int latencyMs, long durationMs) {
}
