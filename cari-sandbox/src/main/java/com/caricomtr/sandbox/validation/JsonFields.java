package com.caricomtr.sandbox.validation;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Typed, error-recording access to the fields of one JSON object at a known path.
 *
 * <p>Every getter returns empty when the field is absent or wrong and records why under the field's full path, so a
 * validator reads like the contract's table and still reports every problem at once. Text fields must be JSON strings
 * and money must never be a JSON number: the contract forbids binary floats for money on either side.
 */
public final class JsonFields {
    private final JsonNode node;
    private final String path;
    private final FieldErrors errors;

    private JsonFields(JsonNode node, String path, FieldErrors errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** Fields of {@code node}; when it is not an object this records one error and every getter returns empty. */
    public static JsonFields of(JsonNode node, String path, FieldErrors errors) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            errors.add(path, "zorunlu alan");
            return new JsonFields(MissingNode.getInstance(), path, errors);
        }
        if (!node.isObject()) {
            errors.add(path, "JSON nesnesi olmalı");
            return new JsonFields(MissingNode.getInstance(), path, errors);
        }
        return new JsonFields(node, path, errors);
    }

    public String path() {
        return path;
    }

    public String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public ObjectNode node() {
        return node instanceof ObjectNode object ? object : null;
    }

    /** Records every field the contract does not define: a misspelt optional field would otherwise vanish silently. */
    public void rejectUnknown(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(path(name), "bilinmeyen alan");
            }
        }
    }

    /** A required, non-blank string. */
    public Optional<String> requiredText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            errors.add(path(field), "zorunlu alan");
            return Optional.empty();
        }
        if (!value.isTextual()) {
            errors.add(path(field), "metin (JSON string) olmalı");
            return Optional.empty();
        }
        if (value.textValue().isBlank()) {
            errors.add(path(field), "boş olamaz");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    /** An optional string; absent, {@code null} and {@code ""} all read as empty. */
    public Optional<String> optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            errors.add(path(field), "metin (JSON string) olmalı");
            return Optional.empty();
        }
        return value.textValue().isEmpty() ? Optional.empty() : Optional.of(value.textValue());
    }

    /** A required money amount: a JSON string with exactly two decimals, e.g. {@code "788.68"}. */
    public Optional<BigDecimal> requiredMoney(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            errors.add(path(field), "zorunlu alan");
            return Optional.empty();
        }
        if (value.isNumber()) {
            errors.add(path(field), "para tutarı JSON sayısı olamaz; iki ondalıklı metin olmalı, ör. \"12.50\"");
            return Optional.empty();
        }
        if (!value.isTextual()) {
            errors.add(path(field), "para tutarı iki ondalıklı metin olmalı, ör. \"12.50\"");
            return Optional.empty();
        }
        String text = value.textValue();
        if (Decimals.isMoneyWithWrongScale(text)) {
            errors.add(path(field), "para tutarı tam iki ondalık basamaklı olmalı, ör. \"12.50\"; gelen: \"" + text + "\"");
            return Optional.empty();
        }
        if (!Decimals.isMoney(text)) {
            errors.add(path(field), "geçersiz para tutarı: \"" + text + "\"; ör. \"12.50\"");
            return Optional.empty();
        }
        return Optional.of(Decimals.parse(text));
    }

    /** A required positive decimal given as a string, such as a quantity ({@code "2"}, {@code "1.5"}). */
    public Optional<BigDecimal> requiredPositiveDecimal(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            errors.add(path(field), "zorunlu alan");
            return Optional.empty();
        }
        return positiveDecimal(field, value);
    }

    /** An optional positive decimal string; {@code null} or absent reads as empty. */
    public Optional<BigDecimal> optionalPositiveDecimal(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return positiveDecimal(field, value);
    }

    private Optional<BigDecimal> positiveDecimal(String field, JsonNode value) {
        if (!value.isTextual()) {
            errors.add(path(field), "ondalık sayı metin olarak gönderilmeli, ör. \"1.5\"");
            return Optional.empty();
        }
        String text = value.textValue();
        if (!Decimals.isPlainDecimal(text)) {
            errors.add(path(field), "geçersiz ondalık sayı: \"" + text + "\"; ör. \"2\" veya \"1.5\"");
            return Optional.empty();
        }
        BigDecimal number = Decimals.parse(text);
        if (number.signum() <= 0) {
            errors.add(path(field), "sıfırdan büyük olmalı");
            return Optional.empty();
        }
        return Optional.of(number);
    }

    /** A required JSON integer (not a string) that is at least {@code min} and at most {@code max}. */
    public Optional<Long> requiredInteger(String field, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            errors.add(path(field), "zorunlu alan");
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            errors.add(path(field), "tam sayı (JSON number) olmalı");
            return Optional.empty();
        }
        long number = value.longValue();
        if (number < min || number > max) {
            errors.add(path(field), min + " ile " + max + " arasında olmalı");
            return Optional.empty();
        }
        return Optional.of(number);
    }

    /** A required, non-empty JSON array. */
    public Optional<ArrayNode> requiredNonEmptyArray(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            errors.add(path(field), "zorunlu alan");
            return Optional.empty();
        }
        if (!value.isArray()) {
            errors.add(path(field), "JSON dizisi olmalı");
            return Optional.empty();
        }
        if (value.isEmpty()) {
            errors.add(path(field), "en az bir kayıt içermeli");
            return Optional.empty();
        }
        return Optional.of((ArrayNode) value);
    }

    /** Records an error on {@code field} unless {@code text} matches {@code regex}; returns whether it matched. */
    public boolean check(String field, String text, String regex, String message) {
        if (!text.matches(regex)) {
            errors.add(path(field), message);
            return false;
        }
        return true;
    }

    public void error(String field, String message) {
        errors.add(path(field), message);
    }
}
