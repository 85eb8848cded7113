package com.caricomtr.sandbox.validation;

import java.util.List;

/** The outcome of validating a payload: the value when valid, otherwise every field error found. */
public record Validated<T>(T value, List<FieldError> errors) {
    public static <T> Validated<T> of(T value, FieldErrors errors) {
        return errors.isEmpty() ? new Validated<>(value, List.of()) : new Validated<>(null, errors.list());
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
