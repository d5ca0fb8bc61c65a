package io.jjj.gateway.routing;

import io.jjj.platform.http.Cidr;
import io.vertx.core.http.HttpServerRequest;

import java.util.List;

/**
 * The proxies in front of the gateway whose {@code X-Forwarded-*} headers are believed, as CIDR ranges. A client is
 * the peer that connected, unless that peer is a trusted proxy: then it is the rightmost {@code X-Forwarded-For}
 * entry that is not itself a trusted proxy (entries left of it are the client's own word).
 */
public final class TrustedProxies {

    private final List<Cidr> ranges;

    public TrustedProxies(List<String> cidrs) {
        this.ranges = cidrs.stream().map(Cidr::parse).toList();
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean trusts(String address) {
        if (address == null || ranges.isEmpty()) {
            return false;
        }
        String trimmed = address.trim();
        for (Cidr range : ranges) {
            if (range.contains(trimmed)) {
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
            if (hop.isEmpty() || !hop.matches("[0-9A-Fa-f:.]+")) {
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
