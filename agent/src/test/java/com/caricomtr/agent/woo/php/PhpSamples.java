package com.caricomtr.agent.woo.php;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Serialized values as WooCommerce and PHP write them, with byte lengths counted by hand (not by test code), so
 * that they check the decoder's counting independently.
 */
final class PhpSamples {
    /** An item's {@code _line_tax_data} with one rate. */
    static final String LINE_TAX_DATA =
            "a:2:{s:5:\"total\";a:1:{i:1;s:4:\"63.3\";}s:8:\"subtotal\";a:1:{i:1;s:4:\"63.3\";}}";
    /** Two rates, six decimals as WooCommerce keeps them, a coupon making total smaller than subtotal. */
    static final String LINE_TAX_DATA_TWO_RATES =
            "a:2:{s:5:\"total\";a:2:{i:1;s:9:\"16.666667\";i:4;s:8:\"4.166667\";}"
                    + "s:8:\"subtotal\";a:2:{i:1;s:9:\"20.000000\";i:4;s:8:\"5.000000\";}}";
    static final String LINE_TAX_DATA_NONE = "a:2:{s:5:\"total\";a:0:{}s:8:\"subtotal\";a:0:{}}";
    static final String LINE_TAX_DATA_REFUND =
            "a:2:{s:5:\"total\";a:1:{i:1;s:6:\"-63.30\";}s:8:\"subtotal\";a:1:{i:1;s:6:\"-63.30\";}}";
    static final String LINE_TAX_DATA_EMPTY_AMOUNT =
            "a:2:{s:5:\"total\";a:1:{i:2;s:0:\"\";}s:8:\"subtotal\";a:1:{i:2;s:0:\"\";}}";
    /** A shipping item's {@code taxes}: only a total. */
    static final String SHIPPING_TAXES = "a:1:{s:5:\"total\";a:1:{i:1;s:4:\"5.00\";}}";
    /** A product's {@code _product_attributes}: one taxonomy attribute, one custom one in Turkish. */
    static final String PRODUCT_ATTRIBUTES =
            "a:2:{s:8:\"pa_color\";a:6:{s:4:\"name\";s:8:\"pa_color\";s:5:\"value\";s:0:\"\";s:8:\"position\";i:0;"
                    + "s:10:\"is_visible\";i:1;s:12:\"is_variation\";i:1;s:11:\"is_taxonomy\";i:1;}"
                    + "s:5:\"beden\";a:6:{s:4:\"name\";s:5:\"Beden\";s:5:\"value\";s:18:\"Küçük | Büyük\";"
                    + "s:8:\"position\";i:1;s:10:\"is_visible\";i:1;s:12:\"is_variation\";i:0;s:11:\"is_taxonomy\";i:0;}}";
    /** Customer data with multi-byte text of every width: 2 (ü, ş), 3 (–) and 4 (🙏) bytes. */
    static final String TURKISH_CUSTOMER =
            "a:5:{s:4:\"name\";s:13:\"Ayşe Yılmaz\";s:7:\"address\";s:22:\"Atatürk Cad. No:5 D:3\";"
                    + "s:4:\"city\";s:9:\"Kadıköy\";s:4:\"note\";s:18:\"Teşekkürler 🙏\";"
                    + "s:4:\"shop\";s:24:\"Çiçek Sepeti – Özel\";}";
    /** An object as plugins store them, with public, protected and private properties. */
    static final String OBJECT_WITH_VISIBILITY =
            "O:3:\"Foo\":3:{s:3:\"pub\";d:0.1;s:6:\"\0*\0pro\";b:1;s:8:\"\0Foo\0bar\";N;}";
    /** The same object twice: PHP writes the second as r:, counting the array as value 1 and the object as 2. */
    static final String SHARED_OBJECT = "a:2:{i:0;O:8:\"stdClass\":1:{s:1:\"a\";i:1;}i:1;r:2;}";
    static final String CUSTOM_OBJECT = "C:11:\"ArrayObject\":21:{x:i:0;a:0:{};m:a:0:{}}";
    static final String FLOATS = "a:4:{i:0;d:19.9;i:1;d:1.0E+25;i:2;d:-INF;i:3;d:0.30000000000000004;}";

    static final List<String> ALL = List.of(LINE_TAX_DATA, LINE_TAX_DATA_TWO_RATES, LINE_TAX_DATA_NONE,
            LINE_TAX_DATA_REFUND, LINE_TAX_DATA_EMPTY_AMOUNT, SHIPPING_TAXES, PRODUCT_ATTRIBUTES, TURKISH_CUSTOMER,
            OBJECT_WITH_VISIBILITY, SHARED_OBJECT, CUSTOM_OBJECT, FLOATS);

    private PhpSamples() {
    }

    /** {@code s:N:"text";} with N in UTF-8 bytes, for tests that build input rather than check counting. */
    static String str(String text) {
        return "s:" + text.getBytes(StandardCharsets.UTF_8).length + ":\"" + text + "\";";
    }
}
