package com.caricomtr.agent;

import com.caricomtr.agent.api.HealthService;
import com.caricomtr.agent.cli.AgentCommand;

import io.helidon.webserver.http.HttpRouting;

import picocli.CommandLine;

/** Entry point: the agent's commands, and the HTTP routing that the server and the tests share. */
public final class Main {
    public static final String VERSION = "0.1.0";

    private Main() {
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new AgentCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        if (exit != 0 || !AgentCommand.isServing()) {
            System.exit(exit);
        }
    }

    /** The agent's HTTP API for the bridge plugin. */
    public static void routing(HttpRouting.Builder routing) {
        routing.register("/health", new HealthService(VERSION));
    }
}
