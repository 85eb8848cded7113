package com.caricomtr.agent.woo.php;

/** {@code s:5:"hello";} */
public record PhpString(String value) implements PhpValue {
}
