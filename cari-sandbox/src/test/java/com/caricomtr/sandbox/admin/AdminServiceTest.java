package com.caricomtr.sandbox.admin;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The loopback rule of {@code /_sandbox}; only loopback clients exist in tests, so the rule is checked directly. */
class AdminServiceTest {
    @Test
    void loopbackAddressesAreLocal() {
        assertThat(AdminService.isLoopback(new InetSocketAddress("127.0.0.1", 1234))).isTrue();
        assertThat(AdminService.isLoopback(new InetSocketAddress("127.8.9.10", 1234))).isTrue();
        assertThat(AdminService.isLoopback(new InetSocketAddress("::1", 1234))).isTrue();
    }

    @Test
    void otherAddressesAreRemote() {
        assertThat(AdminService.isLoopback(new InetSocketAddress("10.1.2.3", 1234))).isFalse();
        assertThat(AdminService.isLoopback(new InetSocketAddress("192.0.2.7", 1234))).isFalse();
        assertThat(AdminService.isLoopback(InetSocketAddress.createUnresolved("example.test", 1234))).isFalse();
    }
}
