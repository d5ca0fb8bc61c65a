package io.jjj.transport.domain;

import io.jjj.platform.events.EventPublisher;
import io.jjj.platform.feeds.FeedCounts;
import io.jjj.platform.http.ConditionalWrites;
import io.jjj.platform.paging.Page;
import io.jjj.platform.paging.PageRequest;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Nodes and links read and changed through their entities: every change with its events in the same transaction,
 * and the signal that rebuilds the routing snapshot once the transaction commits.
 */
@ApplicationScoped
@Transactional
public class NetworkService {

    /** The result of a PUT: the stored entity with its new version, and whether it was created. */
    public record Put<T>(Versioned<T> stored, boolean created) {
    }

    /** Filters of the node listing; null means no filter. {@code servedOn} keeps nodes an open link touches. */
    public record NodeFilter(String kind, Collection<String> regions, LocalDate servedOn, String mode) {
    }

    /** Filters of the link listing; null means no filter. */
    public record LinkFilter(LocalDate openOn, String mode, String line, String node) {
    }

    private static final Map<String, String> JSON_FIELDS =
            Map.of("name_en", "nameEn", "name_zh", "nameZh", "distance_km", "distanceKm");

    private final NetworkRules rules;
    private final EventPublisher events;
    private final RoutingSnapshot snapshot;

    public NetworkService(NetworkRules rules, EventPublisher events, RoutingSnapshot snapshot) {
        this.rules = rules;
        this.events = events;
        this.snapshot = snapshot;
    }

    public Optional<Versioned<Node>> node(String id) {
        return NetworkNode.<NetworkNode>findByIdOptional(id).map(n -> new Versioned<>(n.toNode(), n.version));
    }

    public Optional<Versioned<Link>> link(String id) {
        return NetworkLink.<NetworkLink>findByIdOptional(id).map(l -> new Versioned<>(l.toLink(), l.version));
    }

    /** The stored nodes among {@code ids}, by id. */
    public Map<String, Node> nodes(Collection<String> ids) {
        return NetworkNode.byIds(ids, false).stream().collect(Collectors.toMap(n -> n.id, NetworkNode::toNode));
    }

    public Page<Node> nodes(NodeFilter filter, PageRequest paging) {
        return page(NetworkNode.listed(filter), paging, NetworkNode::toNode);
    }

    public Page<Link> links(LinkFilter filter, PageRequest paging) {
        return page(NetworkLink.listed(filter), paging, NetworkLink::toLink);
    }

    private static <E, T> Page<T> page(PanacheQuery<E> query, PageRequest paging, Function<E, T> record) {
        int first = (int) paging.offset();
        List<T> items = query.range(first, first + paging.size() - 1).list().stream().map(record).toList();
        return Page.of(items, paging, query.count());
    }

    /** Whether a node exists: the routing snapshot knows most, the database has the newest. */
    public boolean nodeExists(String id) {
        return snapshot.hasNode(id) || NetworkNode.count("id", id) > 0;
    }

    public Put<Node> putNode(Node node, String ifMatch) {
        List<FieldError> errors = jsonNames(rules.node(node));
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The node is not valid", errors);
        }
        NetworkNode existing = NetworkNode.findById(node.id(), LockModeType.PESSIMISTIC_WRITE);
        boolean create = ConditionalWrites.createOrReplace(ifMatch, null,
                existing == null ? OptionalLong.empty() : OptionalLong.of(existing.version), "the node '" + node.id() + "'");
        FeedCounts counts = new FeedCounts();
        writeNodes(List.of(node), counts);
        if (create && !counts.anyInserted()) {
            throw createdMeanwhile("node", node.id());
        }
        return new Put<>(node(node.id()).orElseThrow(), create);
    }

    public Put<Link> putLink(Link link, String ifMatch) {
        List<FieldError> errors = jsonNames(rules.link(link, this::nodeExists));
        if (!errors.isEmpty()) {
            boolean unknownNode = errors.stream().allMatch(e -> e.message().startsWith("unknown node"));
            throw unknownNode ? ProblemException.unprocessable("The link joins a node that does not exist", errors)
                    : ProblemException.badRequest("The link is not valid", errors);
        }
        NetworkLink existing = NetworkLink.findById(link.id(), LockModeType.PESSIMISTIC_WRITE);
        boolean create = ConditionalWrites.createOrReplace(ifMatch, null,
                existing == null ? OptionalLong.empty() : OptionalLong.of(existing.version), "the link '" + link.id() + "'");
        FeedCounts counts = new FeedCounts();
        writeLinks(List.of(link), counts);
        if (create && !counts.anyInserted()) {
            throw createdMeanwhile("link", link.id());
        }
        return new Put<>(link(link.id()).orElseThrow(), create);
    }

    /**
     * Another request created the entity between this one's check and its write, with the same values (different
     * ones break the key on insert, which the problem mappers answer with the same 409).
     */
    private static ProblemException createdMeanwhile(String what, String id) {
        return ProblemException.conflict("The " + what + " '" + id + "' was created by another request at the same time; "
                + "read it and send If-Match to change it");
    }

    /** The rules name fields as feed columns; a JSON body names them in camel case. */
    private static List<FieldError> jsonNames(List<FieldError> errors) {
        return errors.stream().map(e -> FieldError.field(JSON_FIELDS.getOrDefault(e.field(), e.field()), e.message())).toList();
    }

    /**
     * Upserts nodes, with a {@code node.changed} event for each new or changed one. The rows are written and the
     * entities let go before returning, so a feed's chunks never pile up in the persistence context.
     */
    public void writeNodes(List<Node> nodes, FeedCounts counts) {
        Map<String, NetworkNode> stored = byId(NetworkNode.byIds(nodes.stream().map(Node::id).toList(), true), n -> n.id);
        Set<String> movedRegion = new HashSet<>();
        List<EventPublisher.Draft> drafts = new ArrayList<>();
        for (Node node : nodes) {
            NetworkNode entity = stored.get(node.id());
            Node before = entity == null ? null : entity.toNode();
            if (node.equals(before)) {
                counts.unchanged();
                continue;
            }
            if (entity == null) {
                entity = NetworkNode.created(node);
                entity.persist();
                stored.put(node.id(), entity);
                counts.inserted();
            } else {
                if (!before.region().equals(node.region())) {
                    movedRegion.add(node.id());
                }
                entity.assign(node);
                counts.updated();
            }
            drafts.add(TransportEvents.node(node));
        }
        for (String id : movedRegion) {
            List<Link> touching = NetworkLink.touching(id).stream().map(NetworkLink::toLink).toList();
            Map<String, Node> ends = nodes(touching.stream().flatMap(l -> Stream.of(l.from(), l.to())).toList());
            touching.forEach(link -> drafts.add(linkEvent(TransportEvents.LINK_CHANGED, link, ends)));
        }
        release();
        publish(drafts, counts);
    }

    /** Upserts links, with a {@code link.opened/changed/closed} event for each change; written and let go as nodes are. */
    public void writeLinks(List<Link> links, FeedCounts counts) {
        Map<String, NetworkLink> stored = byId(NetworkLink.byIds(links.stream().map(Link::id).toList(), true), l -> l.id);
        Map<String, Node> ends = nodes(links.stream().flatMap(l -> Stream.of(l.from(), l.to())).collect(Collectors.toSet()));
        List<EventPublisher.Draft> drafts = new ArrayList<>();
        for (Link link : links) {
            NetworkLink entity = stored.get(link.id());
            Link before = entity == null ? null : entity.toLink();
            if (link.equals(before)) {
                counts.unchanged();
                continue;
            }
            if (entity == null) {
                entity = NetworkLink.created(link);
                entity.persist();
                stored.put(link.id(), entity);
                counts.inserted();
            } else {
                entity.assign(link);
                counts.updated();
            }
            drafts.add(linkEvent(TransportEvents.linkChangeType(before, link), link, ends));
        }
        release();
        publish(drafts, counts);
    }

    private static <E> Map<String, E> byId(List<E> entities, Function<E, String> id) {
        Map<String, E> found = new LinkedHashMap<>();
        entities.forEach(e -> found.put(id.apply(e), e));
        return found;
    }

    private static void release() {
        NetworkNode.flush();
        NetworkNode.getEntityManager().clear();
    }

    private static EventPublisher.Draft linkEvent(String type, Link link, Map<String, Node> nodes) {
        return TransportEvents.link(type, link, regionOf(nodes.get(link.from())), regionOf(nodes.get(link.to())));
    }

    private static String regionOf(Node node) {
        return node == null ? null : node.region();
    }

    private void publish(List<EventPublisher.Draft> drafts, FeedCounts counts) {
        if (drafts.isEmpty()) {
            return;
        }
        events.publishAll(drafts);
        counts.events(drafts.size());
        snapshot.markChanged();
    }
}
