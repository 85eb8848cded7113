package com.caricomtr.agent.woo;

import java.util.List;

/** What one batch produced: the orders that loaded (possibly with problems) and those that could not. */
public record LoadResult(List<Order> orders, List<Rejection> rejections) {
    public LoadResult {
        orders = List.copyOf(orders);
        rejections = List.copyOf(rejections);
    }
}
