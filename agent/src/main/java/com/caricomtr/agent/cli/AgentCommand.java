package com.caricomtr.agent.cli;

import com.caricomtr.agent.api.AgentRouting;

import picocli.CommandLine.Command;

/** The {@code caricomtr-agent} command and its subcommands. */
@Command(name = "caricomtr-agent", mixinStandardHelpOptions = true, version = AgentRouting.VERSION,
        description = "Carries WooCommerce orders and customers into Cari.com.tr.",
        subcommands = {ServeCommand.class, OrdersCommand.class, DryRunCommand.class, DemoCommand.class,
                BenchReadCommand.class, BenchSendCommand.class, BenchSyncCommand.class, BenchSupportCommand.class})
public final class AgentCommand implements Runnable {
    private static volatile boolean serving;

    static void markServing() {
        serving = true;
    }

    /** True once {@code serve} started the server, whose threads then keep the JVM alive. */
    public static boolean isServing() {
        return serving;
    }

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
