package com.caricomtr.agent.woo.php;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhpSerializedContainersTest {

    @Test
    void stringsMayHoldAnyCharacterTheirLengthCovers() {
        assertThat(PhpSerialized.decode("s:0:\"\";")).isEqualTo(new PhpString(""));
        assertThat(PhpSerialized.decode("s:8:\"a\";b:\"}{\";")).isEqualTo(new PhpString("a\";b:\"}{"));
        assertThat(PhpSerialized.decode("s:3:\"\0\n\0\";")).isEqualTo(new PhpString("\0\n\0"));
    }

    @Test
    void arraysKeepTheOrderWritten() {
        PhpArray array = PhpSerialized.decode("a:3:{i:5;s:1:\"x\";s:1:\"k\";i:1;i:-2;N;}").asArray();

        assertThat(List.copyOf(array.entries().keySet())).containsExactly(5L, "k", -2L);
        assertThat(array.get(5)).contains(new PhpString("x"));
        assertThat(array.get("k")).contains(new PhpInt(1));
        assertThat(array.get(-2)).contains(PhpNull.INSTANCE);
        assertThat(array.get("missing")).isEmpty();
        assertThat(array.size()).isEqualTo(3);
    }

    @Test
    void canonicalNumericStringKeysBecomeIntKeysAsInPhp() {
        PhpArray array = PhpSerialized.decode(
                "a:6:{s:1:\"1\";i:1;s:2:\"-3\";i:2;s:2:\"07\";i:3;s:2:\"-0\";i:4;s:2:\" 9\";i:5;"
                        + "s:20:\"99999999999999999999\";i:6;}").asArray();

        assertThat(List.copyOf(array.entries().keySet()))
                .containsExactly(1L, -3L, "07", "-0", " 9", "99999999999999999999");
        assertThat(array.get("1")).contains(new PhpInt(1));
        assertThat(array.get(1)).contains(new PhpInt(1));
    }

    @Test
    void aRepeatedKeyKeepsItsFirstPlaceAndLastValueAsInPhp() {
        PhpArray array = PhpSerialized.decode("a:3:{i:1;s:1:\"a\";i:2;s:1:\"b\";s:1:\"1\";s:1:\"c\";}").asArray();

        assertThat(List.copyOf(array.entries().keySet())).containsExactly(1L, 2L);
        assertThat(array.get(1)).contains(new PhpString("c"));
    }

    @Test
    void emptyAndNestedArrays() {
        assertThat(PhpSerialized.decode("a:0:{}")).isEqualTo(PhpArray.EMPTY);
        PhpArray outer = PhpSerialized.decode("a:1:{i:0;a:1:{i:0;a:0:{}}}").asArray();
        assertThat(outer.get(0).orElseThrow().asArray().get(0)).contains(PhpArray.EMPTY);
    }

    @Test
    void arraysAreUnmodifiable() {
        PhpArray array = PhpSerialized.decode("a:1:{i:0;N;}").asArray();
        assertThatThrownBy(() -> array.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void objectsKeepClassNameAndPropertyNamesWithTheirNulPrefixes() {
        PhpObject object = (PhpObject) PhpSerialized.decode(PhpSamples.OBJECT_WITH_VISIBILITY);

        assertThat(object.className()).isEqualTo("Foo");
        assertThat(List.copyOf(object.properties().keySet())).containsExactly("pub", "\0*\0pro", "\0Foo\0bar");
        assertThat(object.property("\0*\0pro")).contains(PhpBool.TRUE);
        assertThat(object.property("\0Foo\0bar")).contains(PhpNull.INSTANCE);
    }

    @Test
    void intPropertyNamesBecomeTextAsInPhp() {
        PhpObject object = (PhpObject) PhpSerialized.decode("O:8:\"stdClass\":1:{i:3;b:0;}");
        assertThat(object.property("3")).contains(PhpBool.FALSE);
    }

    @Test
    void namespacedAndNonAsciiClassNames() {
        assertThat(((PhpObject) PhpSerialized.decode("O:22:\"Automattic\\WooCommerce\":0:{}")).className())
                .isEqualTo("Automattic\\WooCommerce");
        assertThat(((PhpObject) PhpSerialized.decode("O:7:\"Sınıf\":0:{}")).className()).isEqualTo("Sınıf");
    }

    @Test
    void customSerializedObjectsKeepTheirPayloadRaw() {
        assertThat(PhpSerialized.decode(PhpSamples.CUSTOM_OBJECT))
                .isEqualTo(new PhpCustomObject("ArrayObject", "x:i:0;a:0:{};m:a:0:{}"));
    }

    @Test
    void enumsAreKeptByName() {
        assertThat(PhpSerialized.decode("E:11:\"Suit:Hearts\";")).isEqualTo(new PhpEnum("Suit", "Hearts"));
    }

    @Test
    void referencesAreMarkersNumberedAsPhpNumbersValues() {
        PhpArray array = PhpSerialized.decode(PhpSamples.SHARED_OBJECT).asArray();
        assertThat(array.get(1)).contains(new PhpReference(PhpReference.Kind.SAME_OBJECT, 2));

        // $a = [1]; $a[] = &$a[0]; — the array is value 1, its first element value 2.
        PhpArray withReference = PhpSerialized.decode("a:2:{i:0;i:1;i:1;R:2;}").asArray();
        assertThat(withReference.get(1)).contains(new PhpReference(PhpReference.Kind.PHP_REFERENCE, 2));
    }

    @Test
    void aSelfReferencingArrayDecodesWithoutFollowingTheReference() {
        // $a = []; $a[0] = &$a; serialize($a)
        PhpArray array = PhpSerialized.decode("a:1:{i:0;a:1:{i:0;R:2;}}").asArray();
        assertThat(array.get(0).orElseThrow().asArray().get(0))
                .contains(new PhpReference(PhpReference.Kind.PHP_REFERENCE, 2));
    }

    @Test
    void rEntriesAreNotNumberedButEverythingElseIs() {
        // 1 is the array, 2 the int, the R: gets no number, 3 is the object.
        String prefix = "a:4:{i:0;i:7;i:1;R:2;i:2;O:8:\"stdClass\":0:{}i:3;";

        assertThat(PhpSerialized.decode(prefix + "r:3;}").asArray().get(3))
                .contains(new PhpReference(PhpReference.Kind.SAME_OBJECT, 3));
        assertThatThrownBy(() -> PhpSerialized.decode(prefix + "r:4;}"))
                .isInstanceOf(PhpSerializedException.class)
                .hasMessageContaining("reference to value 4 but only 3 came before it");
    }
}
