/** The agent's one JSON set-up ({@link com.caricomtr.agent.json.Json}); the lowest package, used by every other. */
package com.caricomtr.agent.json;
