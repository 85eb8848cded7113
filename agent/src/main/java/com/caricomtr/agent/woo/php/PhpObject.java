package com.caricomtr.agent.woo.php;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * {@code O:8:"stdClass":1:{...}}, decoded as data: no class is looked up or instantiated. Property names are as
 * PHP writes them, so private ones read {@code "\0Class\0name"} and protected ones {@code "\0*\0name"}; an int
 * property name becomes its decimal text, as in PHP.
 */
public final class PhpObject implements PhpValue {
    private final String className;
    private final Map<String, PhpValue> properties;

    /** Takes ownership of {@code properties} without copying: only the decoder builds objects. */
    PhpObject(String className, Map<String, PhpValue> properties) {
        this.className = className;
        this.properties = Collections.unmodifiableMap(properties);
    }

    public String className() {
        return className;
    }

    /** Unmodifiable, in the order written. */
    public Map<String, PhpValue> properties() {
        return properties;
    }

    /** A property by its name as written, including the NUL-delimited prefix of private and protected ones. */
    public Optional<PhpValue> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhpObject object
                && className.equals(object.className)
                && properties.equals(object.properties);
    }

    @Override
    public int hashCode() {
        return 31 * className.hashCode() + properties.hashCode();
    }

    @Override
    public String toString() {
        return "PhpObject[" + className + "]" + properties;
    }
}
