package com.caricomtr.agent.woo.php;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever PHP's serialize() can write, the decoder reads back as the same value. */
class PhpSerializedRoundTripTest {

    @Test
    void randomValuesSurviveSerializeThenDecode() {
        Random random = new Random(20_250_611L);
        PhpRandomValues values = new PhpRandomValues(random);
        PhpTestSerializer serializer = new PhpTestSerializer(random);

        for (int i = 0; i < 3_000; i++) {
            PhpValue value = values.next();
            String serialized = serializer.write(value);

            assertThat(PhpSerialized.decode(serialized)).as("value %d: %s", i, serialized).isEqualTo(value);
        }
    }
}
