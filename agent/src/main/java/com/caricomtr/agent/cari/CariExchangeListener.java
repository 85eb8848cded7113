package com.caricomtr.agent.cari;

/**
 * Sees every exchange with Cari once it is over, successful or not, with secrets already masked. Called on the
 * calling thread; an exception thrown here is logged and otherwise ignored, so that logging never breaks a sync.
 */
@FunctionalInterface
public interface CariExchangeListener {
    CariExchangeListener NONE = exchange -> {
    };

    void onExchange(CariExchange exchange);
}
