package com.caricomtr.agent.sync.state;

import java.time.LocalDate;

/** A counter's value on one UTC day. */
public record DayCount(LocalDate day, long count) {
}
