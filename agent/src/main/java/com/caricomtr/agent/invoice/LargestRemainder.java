package com.caricomtr.agent.invoice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Rounds amounts to kuruş so that they add up to a fixed target, moving as few lines as possible: every amount is
 * rounded HALF_UP, then the kuruş still missing (or too many) go one each to the lines whose rounding lost (or
 * gained) the most. Ties go to the larger amount, then to the earlier line, so the result never depends on anything
 * but the input.
 *
 * <p>Lines whose raw amount is zero never receive a kuruş: a free gift must not become 0.01. A residue larger than
 * one kuruş per receiving line cannot come from rounding alone, so it is refused instead of spread.
 */
final class LargestRemainder {

    /**
     * @param amounts kuruş amounts in input order, when {@code fits}
     * @param residue target minus the sum of the plainly rounded amounts, in kuruş
     * @param fits    false when the residue is larger than one kuruş per line that may take one
     */
    record Result(List<BigDecimal> amounts, long residue, boolean fits) {
    }

    private LargestRemainder() {
    }

    static Result distribute(List<BigDecimal> raw, BigDecimal target) {
        List<BigDecimal> rounded = new ArrayList<>(raw.stream().map(Kurus::round).toList());
        BigDecimal sum = rounded.stream().reduce(Kurus.ZERO, BigDecimal::add);
        long residue = Kurus.count(target.subtract(sum));
        if (residue == 0) {
            return new Result(List.copyOf(rounded), 0, true);
        }
        List<Integer> takers = IntStream.range(0, raw.size()).filter(i -> raw.get(i).signum() != 0).boxed()
                .sorted(order(raw, rounded, residue > 0)).toList();
        if (Math.abs(residue) > takers.size()) {
            return new Result(List.of(), residue, false);
        }
        BigDecimal step = residue > 0 ? Kurus.ONE : Kurus.ONE.negate();
        for (int n = 0; n < Math.abs(residue); n++) {
            int i = takers.get(n);
            rounded.set(i, rounded.get(i).add(step));
        }
        return new Result(List.copyOf(rounded), residue, true);
    }

    private static Comparator<Integer> order(List<BigDecimal> raw, List<BigDecimal> rounded, boolean adding) {
        Comparator<Integer> byLoss = Comparator.comparing(i -> raw.get(i).subtract(rounded.get(i)));
        if (adding) {
            byLoss = byLoss.reversed();
        }
        return byLoss.thenComparing(i -> raw.get(i).abs(), Comparator.reverseOrder())
                .thenComparing(Comparator.naturalOrder());
    }
}
