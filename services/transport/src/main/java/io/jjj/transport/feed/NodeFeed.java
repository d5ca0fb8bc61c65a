package io.jjj.transport.feed;

import io.jjj.platform.feeds.FeedCounts;
import io.jjj.platform.feeds.FeedHandler;
import io.jjj.platform.feeds.FeedKind;
import io.jjj.platform.feeds.FeedRow;
import io.jjj.platform.feeds.Parsed;
import io.jjj.transport.domain.NetworkRules;
import io.jjj.transport.domain.NetworkService;
import io.jjj.transport.domain.Node;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Rows in the columns of transport-nodes.csv. */
@ApplicationScoped
@FeedKind("nodes")
public class NodeFeed implements FeedHandler<Node> {

    private final NetworkRules rules;
    private final NetworkService network;

    public NodeFeed(NetworkRules rules, NetworkService network) {
        this.rules = rules;
        this.network = network;
    }

    @Override
    public String name() {
        return "transport-nodes";
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of("id", "name_en", "kind", "region", "lon", "lat");
    }

    @Override
    public Set<String> optionalColumns() {
        return Set.of("name_zh");
    }

    @Override
    public Parsed<Node> parse(FeedRow row) {
        String id = row.required("id").orElse(null);
        String nameEn = row.required("name_en").orElse(null);
        String kind = row.required("kind").orElse(null);
        String region = row.required("region").orElse(null);
        BigDecimal lon = row.requiredDecimal("lon").orElse(null);
        BigDecimal lat = row.requiredDecimal("lat").orElse(null);
        if (!row.valid()) {
            return Parsed.refused();
        }
        Node node = new Node(id, nameEn, row.text("name_zh").orElse(null), kind, region, lon.doubleValue(), lat.doubleValue());
        rules.node(node).forEach(e -> row.error(e.field(), e.message()));
        return Parsed.of(row, node);
    }

    @Override
    public void apply(List<Node> rows, FeedCounts counts) {
        network.writeNodes(rows, counts);
    }
}
