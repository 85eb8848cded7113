package com.caricomtr.agent.woo.php;

/**
 * {@code C:11:"ArrayObject":21:{...}}, an object written by its own {@code Serializable::serialize()}. The payload's
 * format belongs to that class, so it is kept as raw text rather than guessed at.
 */
public record PhpCustomObject(String className, String payload) implements PhpValue {
}
