package dev.gatehouse.token.authentication;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** The addresses a client's jwks_uri may never make token-service fetch from. */
class TargetAddressesTest {

    @Test
    void privateLinkLocalLoopbackAndOddAddressesAreRefusedPublicOnesAreNot() throws Exception {
        for (String refused : new String[] {"10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "fe80::1", "fc00::1",
                "fd12:3456::1", "::"}) {
            assertThat(TargetAddresses.refusal(InetAddress.getByName(refused), true)).as(refused).isNotNull();
        }
        assertThat(TargetAddresses.refusal(InetAddress.getByName("127.0.0.1"), false)).isEqualTo("loopback");
        assertThat(TargetAddresses.refusal(InetAddress.getByName("::1"), false)).isEqualTo("loopback");
        assertThat(TargetAddresses.refusal(InetAddress.getByName("127.0.0.1"), true)).isNull();
        for (String allowed : new String[] {"93.184.216.34", "8.8.8.8", "100.128.0.1", "172.32.0.1",
                "2606:4700::1111"}) {
            assertThat(TargetAddresses.refusal(InetAddress.getByName(allowed), false)).as(allowed).isNull();
        }
    }
}
