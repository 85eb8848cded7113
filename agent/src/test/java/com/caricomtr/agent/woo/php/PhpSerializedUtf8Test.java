package com.caricomtr.agent.woo.php;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PHP's s:N counts UTF-8 bytes; the decoder sees a Java string, so it must count bytes, not chars. */
class PhpSerializedUtf8Test {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "s:2:\"ş\";               | ş",
            "s:2:\"İ\";               | İ",
            "s:9:\"İstanbul\";        | İstanbul",
            "s:7:\"Şişli\";           | Şişli",
            "s:24:\"ğüşıöçĞÜŞİÖÇ\";   | ğüşıöçĞÜŞİÖÇ",
            "s:3:\"€\";               | €",
            "s:4:\"🙏\";              | 🙏",
            "s:18:\"Teşekkürler 🙏\"; | Teşekkürler 🙏",
            "s:8:\"🙏🙏\";            | 🙏🙏",
    })
    void multiByteCharactersCountTheirUtf8Bytes(String serialized, String expected) {
        assertThat(PhpSerialized.decode(serialized.strip())).isEqualTo(new PhpString(expected.strip()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "s:1:\"ş\";       | 1 | 2",
            "s:2:\"ağ\";      | 2 | 2",
            "s:1:\"€\";       | 1 | 3",
            "s:2:\"€\";       | 2 | 3",
            "s:1:\"🙏\";      | 1 | 4",
            "s:2:\"🙏\";      | 2 | 4",
            "s:3:\"🙏\";      | 3 | 4",
            "s:5:\"🙏🙏\";    | 5 | 4",
    })
    void aLengthEndingInsideACharacterIsRejected(String serialized, int declared, int width) {
        assertThatThrownBy(() -> PhpSerialized.decode(serialized.strip()))
                .isInstanceOf(PhpSerializedException.class)
                .hasMessageContaining("declares " + declared + " bytes, which ends inside a " + width
                        + "-byte UTF-8 character");
    }

    @Test
    void countingCharsInsteadOfBytesIsCaught() {
        // What a decoder counting Java chars would accept: "Şişli" is 5 chars but 7 bytes.
        assertThatThrownBy(() -> PhpSerialized.decode("s:5:\"Şişli\";"))
                .isInstanceOf(PhpSerializedException.class);
        assertThatThrownBy(() -> PhpSerialized.decode("s:2:\"🙏\";"))
                .isInstanceOf(PhpSerializedException.class);
    }

    @Test
    void aLengthThatStopsEarlyOnACharacterBoundaryIsCaughtByTheMissingQuote() {
        assertThatThrownBy(() -> PhpSerialized.decode("s:2:\"şş\";"))
                .isInstanceOf(PhpSerializedException.class)
                .hasMessageContaining("string does not end with '\"' after its declared 2 bytes");
    }

    @Test
    void unpairedSurrogatesAreRejected() {
        for (String broken : new String[] {"s:3:\"\uD83D\";", "s:3:\"\uDE4F\";", "s:4:\"\uD83Dab\";"}) {
            assertThatThrownBy(() -> PhpSerialized.decode(broken))
                    .isInstanceOf(PhpSerializedException.class)
                    .hasMessageContaining("unpaired UTF-16 surrogate");
        }
    }

    @Test
    void errorOffsetsAreInBytesNotChars() {
        // "a:1:{s:2:\"ş\";" is 13 chars but 14 bytes; PHP tooling and hex dumps count bytes.
        assertThatThrownBy(() -> PhpSerialized.decode("a:1:{s:2:\"ş\";X}"))
                .isInstanceOf(PhpSerializedException.class)
                .hasMessageStartingWith("Invalid PHP-serialized value at byte 14: ")
                .extracting(e -> ((PhpSerializedException) e).byteOffset())
                .isEqualTo(14L);
        // An emoji is 2 chars and 4 bytes.
        assertThatThrownBy(() -> PhpSerialized.decode("s:4:\"🙏\";;"))
                .extracting(e -> ((PhpSerializedException) e).byteOffset())
                .isEqualTo(11L);
    }

    @Test
    void multiByteKeysPropertyNamesAndPayloads() {
        PhpArray array = PhpSerialized.decode("a:1:{s:6:\"şehir\";s:9:\"İstanbul\";}").asArray();
        assertThat(array.get("şehir")).contains(new PhpString("İstanbul"));

        PhpObject object = (PhpObject) PhpSerialized.decode("O:8:\"stdClass\":1:{s:3:\"ağ\";i:1;}");
        assertThat(object.property("ağ")).contains(new PhpInt(1));

        assertThat(PhpSerialized.decode("C:3:\"Foo\":4:{🙏}")).isEqualTo(new PhpCustomObject("Foo", "🙏"));
    }
}
