package com.caricomtr.agent.woo.php;

/** {@code b:0;} or {@code b:1;} */
public record PhpBool(boolean value) implements PhpValue {
    public static final PhpBool TRUE = new PhpBool(true);
    public static final PhpBool FALSE = new PhpBool(false);

    static PhpBool of(boolean value) {
        return value ? TRUE : FALSE;
    }
}
