package com.caricomtr.agent.woo.php;

/**
 * A value decoded from PHP's {@code serialize()} format. Switch over the permitted types to read one; the accessors
 * here are shortcuts for the common "this must be an array / a string" case.
 */
public sealed interface PhpValue
        permits PhpNull, PhpBool, PhpInt, PhpDouble, PhpString, PhpArray, PhpObject, PhpCustomObject, PhpEnum,
        PhpReference {

    /** PHP's name for the kind of value, for messages: {@code int}, {@code string}, {@code array}, ... */
    default String typeName() {
        return switch (this) {
            case PhpNull n -> "null";
            case PhpBool b -> "bool";
            case PhpInt i -> "int";
            case PhpDouble d -> "float";
            case PhpString s -> "string";
            case PhpArray a -> "array";
            case PhpObject o -> "object";
            case PhpCustomObject c -> "custom-serialized object";
            case PhpEnum e -> "enum";
            case PhpReference r -> "reference";
        };
    }

    /** This value as an array, or a {@link PhpSerializedException} naming what it is instead. */
    default PhpArray asArray() {
        if (this instanceof PhpArray array) {
            return array;
        }
        throw new PhpSerializedException("expected an array but found " + typeName());
    }

    /** This value's text if it is a string, or a {@link PhpSerializedException}; numbers are not converted. */
    default String asString() {
        if (this instanceof PhpString string) {
            return string.value();
        }
        throw new PhpSerializedException("expected a string but found " + typeName());
    }
}
