package com.caricomtr.sandbox.web;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Injected delays that end early when the sandbox closes, so that a held request (hang-ms may be minutes) never
 * keeps a stopping sandbox, or the test that owns it, waiting.
 */
public final class Pauses {
    private final CountDownLatch closing = new CountDownLatch(1);

    public void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void endAll() {
        closing.countDown();
    }
}
