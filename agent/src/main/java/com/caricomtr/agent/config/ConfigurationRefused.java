package com.caricomtr.agent.config;

/**
 * A configuration the agent will not run with, found before anything is synced. The message says what to change;
 * the command line prints it on its own, without a stack trace, and exits non-zero.
 */
public final class ConfigurationRefused extends RuntimeException {
    public ConfigurationRefused(String message) {
        super(message);
    }
}
