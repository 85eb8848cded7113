package com.caricomtr.agent.demo;

import java.math.BigDecimal;

/** A shipping rate as it lands on a shipping line. {@code cost} is tax-exclusive, as WooCommerce shipping costs are. */
record ShippingMethod(String name, String methodId, int instanceId, BigDecimal cost) {
}
