package com.caricomtr.agent.woo.php;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class PhpSerializedWooCommerceSamplesTest {

    @ParameterizedTest
    @FieldSource("com.caricomtr.agent.woo.php.PhpSamples#ALL")
    void everySampleDecodes(String sample) {
        assertThat(PhpSerialized.decode(sample)).isNotNull();
    }

    @Test
    void lineTaxData() {
        PhpArray taxData = PhpSerialized.decode(PhpSamples.LINE_TAX_DATA).asArray();

        assertThat(taxData.entries().keySet()).containsExactly("total", "subtotal");
        assertThat(taxData.get("total").orElseThrow().asArray().get(1)).contains(new PhpString("63.3"));
        assertThat(taxData.get("subtotal").orElseThrow().asArray().get(1)).contains(new PhpString("63.3"));
    }

    @Test
    void lineTaxDataWithoutTax() {
        PhpArray taxData = PhpSerialized.decode(PhpSamples.LINE_TAX_DATA_NONE).asArray();
        assertThat(taxData.get("total")).contains(PhpArray.EMPTY);
    }

    @Test
    void productAttributes() {
        PhpArray attributes = PhpSerialized.decode(PhpSamples.PRODUCT_ATTRIBUTES).asArray();

        PhpArray color = attributes.get("pa_color").orElseThrow().asArray();
        assertThat(color.get("is_taxonomy")).contains(new PhpInt(1));
        assertThat(color.get("value")).contains(new PhpString(""));
        PhpArray size = attributes.get("beden").orElseThrow().asArray();
        assertThat(size.get("value").orElseThrow().asString()).isEqualTo("Küçük | Büyük");
    }

    @Test
    void turkishCustomer() {
        PhpArray customer = PhpSerialized.decode(PhpSamples.TURKISH_CUSTOMER).asArray();

        assertThat(customer.get("name").orElseThrow().asString()).isEqualTo("Ayşe Yılmaz");
        assertThat(customer.get("address").orElseThrow().asString()).isEqualTo("Atatürk Cad. No:5 D:3");
        assertThat(customer.get("city").orElseThrow().asString()).isEqualTo("Kadıköy");
        assertThat(customer.get("note").orElseThrow().asString()).isEqualTo("Teşekkürler 🙏");
        assertThat(customer.get("shop").orElseThrow().asString()).isEqualTo("Çiçek Sepeti – Özel");
    }

    @Test
    void floatsAsPhpWritesThem() {
        PhpArray floats = PhpSerialized.decode(PhpSamples.FLOATS).asArray();

        assertThat(floats.get(0)).contains(new PhpDouble("19.9"));
        assertThat(floats.get(1)).contains(new PhpDouble("1.0E+25"));
        assertThat(floats.get(2)).contains(new PhpDouble("-INF"));
        assertThat(floats.get(3)).contains(new PhpDouble("0.30000000000000004"));
    }
}
