package com.caricomtr.agent.cari;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every exchange the client reports. */
final class RecordingListener implements CariExchangeListener {
    final List<CariExchange> exchanges = new CopyOnWriteArrayList<>();

    @Override
    public void onExchange(CariExchange exchange) {
        exchanges.add(exchange);
    }

    CariExchange last() {
        return exchanges.getLast();
    }
}
