/**
 * What the agent's configuration file and environment give it, read once and refused clearly when wrong: secrets
 * from the file, an environment variable or a secret file ({@link com.caricomtr.agent.config.SecretSetting}), and
 * the one exception every start-up problem becomes ({@link com.caricomtr.agent.config.ConfigurationRefused}). The
 * lowest package: every other may use it.
 */
package com.caricomtr.agent.config;
