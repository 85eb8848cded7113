/**
 * The agent's local HTTP API for the bridge plugin, and its calls back to the bridge (docs/agent-api.md).
 *
 * <p>Every request but {@code GET /health} is signed with its site's shared secret and verified by
 * {@link com.caricomtr.agent.api.SignatureFilter} before routing; handlers learn the calling site from
 * {@link com.caricomtr.agent.api.SignedRequest#siteId}. The agent's calls to the bridge
 * ({@link com.caricomtr.agent.api.HookRelayClient}) are signed the same way with the same secret.
 */
package com.caricomtr.agent.api;
