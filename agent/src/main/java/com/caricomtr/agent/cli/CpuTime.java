package com.caricomtr.agent.cli;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time used by this JVM and by the embedded database server it started. On a shared 2-core machine the wall
 * clock swings with whatever else runs; CPU time per order shows which side a change really made cheaper.
 */
final class CpuTime {
    private CpuTime() {
    }

    /** Nanoseconds of CPU this JVM has used. */
    static long agent() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Nanoseconds of CPU the database server processes started by this JVM have used (0 when there are none). */
    static long server() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mysqld") || c.endsWith("mariadbd")).orElse(false))
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }
}
