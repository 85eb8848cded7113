package com.caricomtr.agent.woo.php;

/** {@code N;} */
public record PhpNull() implements PhpValue {
    public static final PhpNull INSTANCE = new PhpNull();
}
