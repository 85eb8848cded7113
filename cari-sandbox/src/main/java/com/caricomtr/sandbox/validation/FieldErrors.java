package com.caricomtr.sandbox.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a payload, so that one answer names all the fields a client got wrong. */
public final class FieldErrors {
    private final List<FieldError> errors = new ArrayList<>();

    public void add(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }
}
