package com.caricomtr.sandbox.web;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Injected delays that can be cut short: a reset releases the requests held so far, and closing releases them all
 * for good, so that a held request (hang-ms may be minutes) never keeps a test or a stopping sandbox waiting.
 */
public final class Pauses {
    private volatile CountDownLatch release = new CountDownLatch(1);
    private volatile boolean closed;

    public void pause(long millis) {
        if (millis <= 0 || closed) {
            return;
        }
        try {
            release.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the pauses in progress; later pauses last their full time. */
    public synchronized void releaseCurrent() {
        CountDownLatch current = release;
        release = new CountDownLatch(1);
        current.countDown();
    }

    /** Ends every pause, now and later. */
    public synchronized void endAll() {
        closed = true;
        release.countDown();
    }
}
