package com.caricomtr.agent.woo.php;

/** {@code E:11:"Suit:Hearts";}, a PHP 8.1 enum case, kept by name. */
public record PhpEnum(String className, String caseName) implements PhpValue {
}
