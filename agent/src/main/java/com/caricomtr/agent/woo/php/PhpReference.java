package com.caricomtr.agent.woo.php;

/**
 * {@code r:2;} or {@code R:2;}: points at an earlier value by its position, counting every decoded value from 1 in the
 * order PHP counts them (array keys and {@code R:} entries are not counted). It is only a marker: the decoder never
 * resolves it, so a self-referencing structure cannot make anything loop.
 */
public record PhpReference(Kind kind, int index) implements PhpValue {

    public enum Kind {
        /** {@code r:}, the same object appearing again. */
        SAME_OBJECT,
        /** {@code R:}, a PHP reference ({@code &$x}) to the earlier value. */
        PHP_REFERENCE
    }
}
