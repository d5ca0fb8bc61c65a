package io.jjj.gateway.routing;

import io.vertx.core.net.SocketAddress;

import java.net.URI;

/** One service behind the gateway: its name and where it listens. */
public record Upstream(String name, String host, int port, SocketAddress address) {

    public static Upstream of(String name, String url) {
        URI uri = URI.create(url);
        if (uri.getHost() == null || !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("jjj.gateway.services." + name + ".url must be http://host[:port], got '" + url + "'");
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        return new Upstream(name, uri.getHost(), port, SocketAddress.inetSocketAddress(port, uri.getHost()));
    }

    public String url() {
        return "http://" + host + ":" + port;
    }
}
