package com.caricomtr.agent.cari;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CariMaskerTest {
    @Test
    void aSecretKeepsItsFirstTwoCharacters() {
        assertThat(Masker.mask("ACME-2025")).isEqualTo("AC****");
        assertThat(Masker.mask("abcd")).isEqualTo("ab****");
    }

    @Test
    void aVeryShortSecretShowsNothing() {
        assertThat(Masker.mask("abc")).isEqualTo("****");
        assertThat(Masker.mask("")).isEmpty();
        assertThat(Masker.mask(null)).isEmpty();
    }

    @Test
    void everyOccurrenceOfEverySecretIsMasked() {
        Masker masker = Masker.of("FIRMA42", "s3cr3t-token");

        assertThat(masker.apply("Bearer s3cr3t-token for FIRMA42; again FIRMA42"))
                .isEqualTo("Bearer s3**** for FI****; again FI****");
    }

    @Test
    void urlEncodedAndJsonEscapedFormsAreMaskedToo() {
        String token = "a+b/c d\"e";
        Masker masker = Masker.of(token);

        assertThat(masker.apply("?t=a%2Bb%2Fc+d%22e")).isEqualTo("?t=a+****");
        assertThat(masker.apply("?t=a%2Bb%2Fc%20d%22e")).isEqualTo("?t=a+****");
        assertThat(masker.apply("{\"t\":\"a+b/c d\\\"e\"}")).isEqualTo("{\"t\":\"a+****\"}");
    }

    @Test
    void phpStyleJsonEscapesAreMaskedToo() {
        // PHP's json_encode escapes slashes and non-ASCII characters by default.
        Masker masker = Masker.of("tok/ğ-123456");

        assertThat(masker.apply("{\"t\":\"tok\\/\\u011f-123456\"}")).isEqualTo("{\"t\":\"to****\"}");
        assertThat(masker.apply("{\"t\":\"tok\\/\\u011F-123456\"}")).isEqualTo("{\"t\":\"to****\"}");
    }

    @Test
    void nullAndBlankSecretsAreIgnored() {
        Masker masker = Masker.of(null, " ", "");

        assertThat(masker.apply("nothing to hide")).isEqualTo("nothing to hide");
        assertThat(masker.apply(null)).isNull();
    }
}
