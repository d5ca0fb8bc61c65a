package io.jjj.transport.feed;

import io.jjj.platform.feeds.FeedCounts;
import io.jjj.platform.feeds.FeedHandler;
import io.jjj.platform.feeds.FeedKind;
import io.jjj.platform.feeds.FeedRow;
import io.jjj.platform.feeds.Parsed;
import io.jjj.transport.domain.Link;
import io.jjj.transport.domain.NetworkRules;
import io.jjj.transport.domain.NetworkService;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Rows in the columns of transport-links.csv, plus optional {@code id} (default {@code FROM-TO-mode}),
 * {@code closed} and {@code bidirectional} (default true).
 */
@ApplicationScoped
@FeedKind("links")
public class LinkFeed implements FeedHandler<Link> {

    private final NetworkRules rules;
    private final NetworkService network;

    public LinkFeed(NetworkRules rules, NetworkService network) {
        this.rules = rules;
        this.network = network;
    }

    @Override
    public String name() {
        return "transport-links";
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of("from", "to", "mode", "distance_km", "minutes", "opened");
    }

    @Override
    public Set<String> optionalColumns() {
        return Set.of("id", "line", "closed", "bidirectional", "source");
    }

    @Override
    public Parsed<Link> parse(FeedRow row) {
        String from = row.required("from").orElse(null);
        String to = row.required("to").orElse(null);
        String mode = row.required("mode").orElse(null);
        BigDecimal km = row.requiredDecimal("distance_km").orElse(null);
        BigDecimal minutes = row.requiredDecimal("minutes").orElse(null);
        LocalDate opened = row.required("opened").isPresent() ? row.date("opened").orElse(null) : null;
        LocalDate closed = row.date("closed").orElse(null);
        boolean bidirectional = true;
        String flag = row.text("bidirectional").orElse("true").toLowerCase();
        if (flag.equals("false")) {
            bidirectional = false;
        } else if (!flag.equals("true")) {
            row.error("bidirectional", "true or false, was '" + flag + "'");
        }
        if (!row.valid()) {
            return Parsed.refused();
        }
        String id = row.text("id").orElse(Link.derivedId(from, to, mode));
        Link link = new Link(id, from, to, mode, row.text("line").orElse(null), km, minutes, opened, closed, bidirectional,
                row.text("source").orElse(null));
        rules.link(link, network::nodeExists).forEach(e -> row.error(e.field(), e.message()));
        return Parsed.of(row, link);
    }

    @Override
    public void apply(List<Link> rows, FeedCounts counts) {
        network.writeLinks(rows, counts);
    }
}
