package com.caricomtr.agent.cli;

/**
 * The JVM flags the agent is meant to run with (scripts, Dockerfile, the RSS benchmark): a small fixed heap and the
 * serial collector, since the agent's working set is a few batches of orders and one idle JVM per host matters
 * more than GC throughput.
 */
public final class AgentJvm {
    public static final String FLAGS = "-Xmx96m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=96m "
            + "-XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1";

    private AgentJvm() {
    }
}
