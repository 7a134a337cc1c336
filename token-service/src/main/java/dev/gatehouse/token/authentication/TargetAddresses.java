package dev.gatehouse.token.authentication;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses token-service may fetch a client's {@code jwks_uri} from. A client chooses that URL, so without
 * this check it could make token-service request its own network: cloud metadata (169.254.169.254), the database,
 * the broker, other services. Checked on the addresses the host name resolves to, right before connecting to
 * exactly that address (so a DNS answer cannot change between check and use).
 */
final class TargetAddresses {

    private TargetAddresses() {
    }

    /** Why {@code address} may not be fetched from, or null if it may. Loopback only where allowed (dev, tests). */
    static String refusal(InetAddress address, boolean allowLoopback) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? null : "loopback";
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return "not a unicast address";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local (cloud metadata lives here)";
        }
        if (address.isSiteLocalAddress() || uniqueLocalV6(address) || sharedAddressSpace(address)) {
            return "private";
        }
        return null;
    }

    /** fc00::/7 (RFC 4193), which {@link InetAddress#isSiteLocalAddress()} does not cover. */
    private static boolean uniqueLocalV6(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** 100.64.0.0/10 (RFC 6598), carrier-grade NAT and some clouds' internal ranges. */
    private static boolean sharedAddressSpace(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }
}
