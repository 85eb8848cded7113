package com.caricomtr.agent.woo;

/**
 * Something odd about an order that did not stop it from loading, e.g. a corrupt serialized tax array that was
 * recovered from the plain tax column. Support sees these in the dump command and the sync records them.
 *
 * @param field where in the order, e.g. {@code line_items[3]._line_tax_data} or {@code status}
 * @param message what is wrong, in plain words
 */
public record Problem(String field, String message) {
}
