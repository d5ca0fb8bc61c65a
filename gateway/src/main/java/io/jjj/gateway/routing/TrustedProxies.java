package io.jjj.gateway.routing;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The proxies in front of the gateway whose {@code X-Forwarded-*} headers are believed, as CIDR ranges. A client is
 * the peer that connected, unless that peer is a trusted proxy: then it is the rightmost {@code X-Forwarded-For}
 * entry that is not itself a trusted proxy (entries left of it are the client's own word).
 */
public final class TrustedProxies {

    private final List<IpSubnetFilterRule> ranges;

    public TrustedProxies(List<String> cidrs) {
        this.ranges = cidrs.stream().map(TrustedProxies::range).toList();
    }

    private static IpSubnetFilterRule range(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (NetUtil.createInetAddressFromIpAddressString(address) == null) {
            throw new IllegalArgumentException("jjj.gateway.trusted-proxies: not an IP address or CIDR range: '" + cidr + "'");
        }
        int bits = slash < 0 ? (address.contains(":") ? 128 : 32) : Integer.parseInt(text.substring(slash + 1));
        return new IpSubnetFilterRule(address, bits, IpFilterRuleType.ACCEPT);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean trusts(String address) {
        if (ranges.isEmpty() || address == null) {
            return false;
        }
        InetAddress ip = NetUtil.createInetAddressFromIpAddressString(address.trim());
        if (ip == null) {
            return false;
        }
        InetSocketAddress socket = new InetSocketAddress(ip, 0);
        for (IpSubnetFilterRule range : ranges) {
            if (range.matches(socket)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the peer that connected is a trusted proxy. */
    public boolean trustsPeer(HttpServerRequest request) {
        return trusts(peer(request));
    }

    /** The address of the client this request is from. */
    public String client(HttpServerRequest request) {
        String peer = peer(request);
        if (!trusts(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (NetUtil.createInetAddressFromIpAddressString(hop) == null) {
                return peer;
            }
            if (!trusts(hop)) {
                return hop;
            }
        }
        return hops[0].trim();
    }

    /** The {@code X-Forwarded-For} to send on: the trusted chain plus the peer, or just the peer. */
    public String forwardedFor(HttpServerRequest request) {
        String peer = peer(request);
        String earlier = request.getHeader("X-Forwarded-For");
        return trusts(peer) && earlier != null && !earlier.isBlank() ? earlier + ", " + peer : peer;
    }

    private static String peer(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
