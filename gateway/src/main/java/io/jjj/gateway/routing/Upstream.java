package io.jjj.gateway.routing;

import java.net.URI;
import java.util.List;

/** One service behind the gateway: its name, where it listens and the path prefixes routed to it. */
public record Upstream(String name, String host, int port, List<String> prefixes) {

    public static Upstream of(String name, String url, List<String> prefixes) {
        URI uri = URI.create(url);
        if (uri.getHost() == null || !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("jjj.gateway.services." + name + ".url must be http://host[:port], got '" + url + "'");
        }
        return new Upstream(name, uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), List.copyOf(prefixes));
    }

    public boolean routes(String path) {
        for (String prefix : prefixes) {
            if (path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/') {
                return true;
            }
        }
        return false;
    }

    public String url() {
        return "http://" + host + ":" + port;
    }
}
