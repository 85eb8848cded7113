package com.caricomtr.agent.woo.php;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Flips, cuts and splices real samples at random (with a fixed seed, so a failure reproduces) and checks that the
 * decoder only ever succeeds or throws its own exception, reporting an offset inside the input, and stays fast.
 */
class PhpSerializedMutationTest {
    private static final int MUTATIONS = 20_000;
    private static final long SEED = 0x5EED_CA21L;
    /** Characters that matter to the format, plus multi-byte ones and both halves of a surrogate pair alone. */
    private static final String[] INSERTS = {"0", "1", "9", ":", ";", "{", "}", "\"", "a", "s", "i", "d", "b", "N",
            "O", "C", "E", "r", "R", "S", "-", "+", ".", "e", "INF", "ş", "İ", "€", "🙏", "\uD83D", "\uDE4F", "\0",
            "99999999999", "2147483647", "1000000000", "a:1:{i:0;", "s:4:\"", "}}}}"};

    private static final String[] HUGE_NUMBERS = {"2147483647", "2147483648", "1000000000", "178956970",
            "99999999999999999999", "4294967296"};

    private final Random random = new Random(SEED);

    @Test
    void mutatedSamplesOnlyEverFailWithTheDecodersOwnException() {
        List<String> sources = sources();
        int[] outcomes = new int[2];

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < MUTATIONS; i++) {
                String input = mutate(sources.get(random.nextInt(sources.size())), sources);
                outcomes[decodeSafely(i, input) ? 0 : 1]++;
            }
        });

        // Both paths must really have been exercised, or the mutations are too weak (or too strong) to mean much.
        assertThat(outcomes[0]).as("mutations that still decoded").isGreaterThan(500);
        assertThat(outcomes[1]).as("mutations that were rejected").isGreaterThan(5_000);
    }

    /** True if decoded, false if rejected properly; anything else fails the test with the input to reproduce it. */
    private static boolean decodeSafely(int index, String input) {
        try {
            PhpSerialized.decode(input);
            return true;
        } catch (PhpSerializedException e) {
            assertThat(e.getCause()).as("cause for mutation %d: %s", index, escape(input)).isNull();
            assertThat(e.byteOffset()).as("offset for mutation %d: %s", index, escape(input))
                    .isBetween(0L, PhpDecoder.utf8Length(input, input.length()));
            return false;
        } catch (Throwable t) {
            return fail("mutation %d threw %s for input %s", index, t, escape(input));
        }
    }

    private List<String> sources() {
        List<String> sources = new ArrayList<>(PhpSamples.ALL);
        PhpRandomValues values = new PhpRandomValues(random);
        PhpTestSerializer serializer = new PhpTestSerializer(random);
        for (int i = 0; i < 50; i++) {
            sources.add(serializer.write(values.next()));
        }
        return sources;
    }

    private String mutate(String source, List<String> sources) {
        StringBuilder text = new StringBuilder(source);
        int edits = 1 + random.nextInt(3);
        for (int edit = 0; edit < edits; edit++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(8)) {
                case 0 -> { // flip one char
                    if (at < text.length()) {
                        text.setCharAt(at, (char) (text.charAt(at) ^ (1 << random.nextInt(16))));
                    }
                }
                case 1 -> { // delete a few chars
                    text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(3)));
                }
                case 2 -> text.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
                case 3 -> text.setLength(at); // truncate
                case 4 -> { // duplicate a slice in place
                    int to = Math.min(text.length(), at + random.nextInt(20));
                    text.insert(to, text.substring(at, to));
                }
                case 5 -> { // splice in a slice of another sample
                    String other = sources.get(random.nextInt(sources.size()));
                    int from = random.nextInt(other.length());
                    text.insert(at, other, from, Math.min(other.length(), from + random.nextInt(30)));
                }
                case 6 -> replaceNumber(text, at);
                default -> nudgeDigit(text, at);
            }
        }
        return text.toString();
    }

    /** Declared sizes drive allocation: swap a whole number for one far beyond the input. */
    private void replaceNumber(StringBuilder text, int from) {
        int start = from;
        while (start < text.length() && !Character.isDigit(text.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        if (start < end) {
            text.replace(start, end, HUGE_NUMBERS[random.nextInt(HUGE_NUMBERS.length)]);
        }
    }

    /** Lengths and counts are the format's weak spot: move one off by one. */
    private void nudgeDigit(StringBuilder text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                char nudged = random.nextBoolean() ? (char) (c == '9' ? '0' : c + 1) : (char) (c == '0' ? '9' : c - 1);
                text.setCharAt(i, nudged);
                return;
            }
        }
    }

    private static String escape(String input) {
        StringBuilder out = new StringBuilder("\"");
        input.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F && c != '\\' ? String.valueOf((char) c)
                : String.format("\\u%04X", c)));
        return out.append('"').toString();
    }
}
