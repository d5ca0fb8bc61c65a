package io.jjj.platform.http;

import io.jjj.platform.config.PlatformConfig;
import io.quarkus.arc.Unremovable;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The links a response hands out ({@code Location}, {@code Link}) as clients must follow them: under the
 * configured public base URL; else under the forwarded host and scheme when a trusted proxy sent them; else
 * path-absolute. The client's own {@code Host} header never goes into a link.
 */
@ApplicationScoped
@Unremovable
public class PublicLinks {

    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*|\\[[0-9A-Fa-f:.]+])(:\\d{1,5})?");

    private final Optional<String> publicBase;
    private final List<Cidr> trustedProxies;
    private final CurrentVertxRequest current;

    public PublicLinks(PlatformConfig config, CurrentVertxRequest current) {
        this.publicBase = config.http().publicBaseUrl().map(PublicLinks::base);
        this.trustedProxies = config.http().trustedProxies().stream().map(Cidr::parse).toList();
        this.current = current;
    }

    /** The link to {@code path}, which starts with {@code /} and may carry a query. */
    public String to(String path) {
        return origin() + path;
    }

    private String origin() {
        if (publicBase.isPresent()) {
            return publicBase.get();
        }
        HttpServerRequest request = current.getCurrent() == null ? null : current.getCurrent().request();
        if (request == null || request.remoteAddress() == null || !trusted(request.remoteAddress().hostAddress())) {
            return "";
        }
        String host = first(request.getHeader("X-Forwarded-Host"));
        if (host == null || !HOST.matcher(host).matches()) {
            return "";
        }
        String proto = first(request.getHeader("X-Forwarded-Proto"));
        String scheme = "https".equalsIgnoreCase(proto) ? "https" : "http".equalsIgnoreCase(proto) ? "http" : request.scheme();
        return scheme + "://" + host;
    }

    private boolean trusted(String address) {
        return trustedProxies.stream().anyMatch(c -> c.contains(address));
    }

    private static String first(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        String value = (comma < 0 ? header : header.substring(0, comma)).trim();
        return value.isEmpty() ? null : value;
    }

    private static String base(URI uri) {
        if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("jjj.http.public-base-url (JJJ_PUBLIC_BASE_URL) must be an absolute http or "
                    + "https URL such as https://api.example.org, was '" + uri + "'");
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
