/**
 * The agent's own durable state, in {@code <prefix>caricomtr_*} tables beside WordPress or in a schema of their own
 * ({@link com.caricomtr.agent.sync.state.StateLocation}), created by
 * {@link com.caricomtr.agent.sync.state.AgentStateSchema}. {@link com.caricomtr.agent.sync.state.AgentState} bundles
 * every store of one site; {@link com.caricomtr.agent.sync.state.OrderSyncStore} is the queue the sync engine works.
 *
 * <p>Every store is bound to one site id, thread-safe, and borrows a connection per call. Times are UTC by the
 * database clock. Failures surface as {@link com.caricomtr.agent.sync.state.StateStoreException}; deadlocks and lock
 * wait timeouts are retried inside. Tables, states and GRANT statements: {@code docs/agent-state.md}.
 */
package com.caricomtr.agent.sync.state;
