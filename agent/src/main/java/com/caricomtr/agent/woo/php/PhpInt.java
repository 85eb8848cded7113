package com.caricomtr.agent.woo.php;

/** {@code i:42;} PHP integers are 64-bit on every server WooCommerce runs on; larger text is rejected. */
public record PhpInt(long value) implements PhpValue {
}
