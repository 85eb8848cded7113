package com.caricomtr.sandbox.faults;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides each API request's fault from a seeded {@link Random}.
 *
 * <p>Every decision draws exactly three numbers (latency, fault, error status) whatever the settings, and every change
 * of settings restarts the sequence from the seed: the same settings and the same sequence of requests always meet the
 * same faults. A script, when set, overrides the random fault of the next matching requests.
 */
public final class FaultInjector {
    private static final String LATENCY = "latency";

    private final FaultSettings initial;
    private final Map<String, AtomicLong> injected = new LinkedHashMap<>();
    private final Deque<ScriptedFault> script = new ArrayDeque<>();
    private FaultSettings settings;
    private Random random;

    public FaultInjector(FaultSettings initial) {
        this.initial = initial;
        injected.put(LATENCY, new AtomicLong());
        for (FaultKind kind : FaultKind.values()) {
            if (kind != FaultKind.NONE) {
                injected.put(kind.wireName(), new AtomicLong());
            }
        }
        update(initial);
    }

    public synchronized FaultSettings settings() {
        return settings;
    }

    /** Replaces the settings and restarts the random sequence from their seed. */
    public synchronized void update(FaultSettings newSettings) {
        this.settings = newSettings;
        this.random = new Random(newSettings.seed());
    }

    /** Replaces the script; throws {@link IllegalArgumentException} for an unknown entry and then changes nothing. */
    public synchronized void script(List<String> entries) {
        List<ScriptedFault> parsed = entries.stream().map(ScriptedFault::parse).toList();
        script.clear();
        script.addAll(parsed);
    }

    /** Throws {@link IllegalArgumentException} naming the first entry that is not a known fault. */
    public static void checkScript(List<String> entries) {
        entries.forEach(ScriptedFault::parse);
    }

    /** Script entries not used yet. */
    public synchronized List<String> pendingScript() {
        return script.stream().map(ScriptedFault::text).toList();
    }

    /** Back to the settings the sandbox started with; no script, counters at zero. */
    public synchronized void reset() {
        update(initial);
        script.clear();
        injected.values().forEach(count -> count.set(0));
    }

    /** How many faults of each kind were applied, by wire name ({@code latency}, {@code drop}, ...). */
    public Map<String, Long> injectedCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        injected.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }

    /** Store-then-fail is only counted once the invoice was really stored. */
    public void countStoreThenFail() {
        injected.get(FaultKind.STORE_THEN_FAIL.wireName()).incrementAndGet();
    }

    /** The fate of the next API request, of the given kind. */
    public synchronized FaultPlan decide(RequestKind request) {
        FaultSettings s = settings;
        int latency = s.latencyMinMs() + random.nextInt(s.latencyMaxMs() - s.latencyMinMs() + 1);
        double draw = random.nextDouble();
        int status = s.errorStatuses().get(random.nextInt(s.errorStatuses().size()));

        FaultKind kind = randomKind(s, draw, request);
        TimeoutThen timeoutThen = s.timeoutThen();
        StoreThenFail with = s.storeThenFailWith();
        ScriptedFault scripted = script.peekFirst();
        if (scripted != null && scripted.appliesTo(request)) {
            script.removeFirst();
            kind = scripted.kind();
            status = scripted.status() != null ? scripted.status() : s.errorStatuses().getFirst();
            timeoutThen = scripted.timeoutThen() != null ? scripted.timeoutThen() : timeoutThen;
            with = scripted.with() != null ? scripted.with() : with;
        }
        if (latency > 0) {
            injected.get(LATENCY).incrementAndGet();
        }
        if (kind != FaultKind.NONE && kind != FaultKind.STORE_THEN_FAIL) {
            injected.get(kind.wireName()).incrementAndGet();
        }
        return new FaultPlan(latency, kind, status, s.hangMs(), timeoutThen, s.retryAfterSeconds(), with);
    }

    private static FaultKind randomKind(FaultSettings s, double draw, RequestKind request) {
        Map<FaultKind, Double> slices = new EnumMap<>(FaultKind.class);
        slices.put(FaultKind.DROP, s.dropRate());
        slices.put(FaultKind.TIMEOUT, s.timeoutRate());
        slices.put(FaultKind.ERROR, s.errorRate());
        slices.put(FaultKind.RATE_LIMIT, s.rateLimitRate());
        slices.put(FaultKind.STORE_THEN_FAIL, s.storeThenFailRate());
        double upper = 0;
        for (Map.Entry<FaultKind, Double> slice : slices.entrySet()) {
            upper += slice.getValue();
            if (draw < upper) {
                return slice.getKey() == FaultKind.STORE_THEN_FAIL && !request.creates() ? FaultKind.NONE
                        : slice.getKey();
            }
        }
        return FaultKind.NONE;
    }
}
