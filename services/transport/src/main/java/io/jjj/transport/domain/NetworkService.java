package io.jjj.transport.domain;

import io.jjj.platform.events.EventPublisher;
import io.jjj.platform.feeds.FeedCounts;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.ProblemException;
import io.jjj.transport.events.TransportEvents;
import io.jjj.transport.routing.NetworkSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every change to nodes and links: the rows, their events in the same transaction, and the signal that rebuilds
 * the routing snapshot once the transaction commits.
 */
@ApplicationScoped
public class NetworkService {

    /** The result of a PUT: the stored entity with its new version, and whether it was created. */
    public record Put<T>(Versioned<T> stored, boolean created) {
    }

    private static final Map<String, String> JSON_FIELDS =
            Map.of("name_en", "nameEn", "name_zh", "nameZh", "distance_km", "distanceKm");

    private final NetworkRepository repository;
    private final NetworkRules rules;
    private final EventPublisher events;
    private final NetworkSnapshots snapshots;

    public NetworkService(NetworkRepository repository, NetworkRules rules, EventPublisher events, NetworkSnapshots snapshots) {
        this.repository = repository;
        this.rules = rules;
        this.events = events;
        this.snapshots = snapshots;
    }

    @Transactional
    public Put<Node> putNode(Node node, String ifMatch) {
        List<FieldError> errors = jsonNames(rules.node(node));
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The node is not valid", errors);
        }
        Versioned<Node> existing = repository.nodes(List.of(node.id()), true).get(node.id());
        checkPrecondition("node", node.id(), existing, ifMatch);
        FeedCounts counts = new FeedCounts();
        writeNodes(List.of(node), counts);
        if (existing == null && !counts.anyInserted()) {
            throw createdMeanwhile("node", node.id());
        }
        return new Put<>(repository.node(node.id()).orElseThrow(), existing == null);
    }

    @Transactional
    public Put<Link> putLink(Link link, String ifMatch) {
        List<FieldError> errors = jsonNames(rules.link(link, id -> !repository.nodes(List.of(id), false).isEmpty()));
        if (!errors.isEmpty()) {
            boolean unknownNode = errors.stream().allMatch(e -> e.message().startsWith("unknown node"));
            throw unknownNode ? ProblemException.unprocessable("The link joins a node that does not exist", errors)
                    : ProblemException.badRequest("The link is not valid", errors);
        }
        Versioned<Link> existing = repository.links(List.of(link.id()), true).get(link.id());
        checkPrecondition("link", link.id(), existing, ifMatch);
        FeedCounts counts = new FeedCounts();
        writeLinks(List.of(link), counts);
        if (existing == null && !counts.anyInserted()) {
            throw createdMeanwhile("link", link.id());
        }
        return new Put<>(repository.link(link.id()).orElseThrow(), existing == null);
    }

    /** Another request created the entity between this one's check and its write. */
    private static ProblemException createdMeanwhile(String what, String id) {
        return ProblemException.conflict("The " + what + " '" + id + "' was created by another request at the same time; "
                + "read it and send If-Match to change it");
    }

    /** The rules name fields as feed columns; a JSON body names them in camel case. */
    private static List<FieldError> jsonNames(List<FieldError> errors) {
        return errors.stream().map(e -> FieldError.field(JSON_FIELDS.getOrDefault(e.field(), e.field()), e.message())).toList();
    }

    private static void checkPrecondition(String what, String id, Versioned<?> existing, String ifMatch) {
        if (existing == null) {
            if (ifMatch != null && !ifMatch.isBlank() && !"*".equals(ifMatch.trim())) {
                throw ProblemException.preconditionFailed("The " + what + " '" + id + "' does not exist, so If-Match "
                        + ifMatch + " cannot match");
            }
            return;
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired("Updating the " + what + " '" + id
                    + "' needs If-Match with the ETag from a GET (currently " + existing.etag() + ")");
        }
        String tag = ifMatch.trim();
        if (!"*".equals(tag) && !tag.equals(existing.etag()) && !tag.equals("W/" + existing.etag())) {
            throw ProblemException.preconditionFailed("The " + what + " '" + id + "' has changed: its ETag is now "
                    + existing.etag() + ", not " + tag);
        }
    }

    /** Upserts nodes in the caller's transaction, with a {@code node.changed} event for each new or changed one. */
    public void writeNodes(List<Node> nodes, FeedCounts counts) {
        Map<String, Versioned<Node>> stored = repository.nodes(nodes.stream().map(Node::id).toList(), true);
        Map<String, Node> current = new LinkedHashMap<>();
        stored.forEach((id, v) -> current.put(id, v.value()));
        Map<String, Node> inserts = new LinkedHashMap<>();
        Map<String, Node> updates = new LinkedHashMap<>();
        Set<String> movedRegion = new HashSet<>();
        List<EventPublisher.Draft> drafts = new ArrayList<>();
        for (Node node : nodes) {
            Node before = current.get(node.id());
            if (node.equals(before)) {
                counts.unchanged();
                continue;
            }
            if (before == null || inserts.containsKey(node.id())) {
                inserts.put(node.id(), node);
            } else {
                updates.put(node.id(), node);
            }
            if (before == null) {
                counts.inserted();
            } else {
                counts.updated();
                if (!before.region().equals(node.region())) {
                    movedRegion.add(node.id());
                }
            }
            current.put(node.id(), node);
            drafts.add(TransportEvents.node(node));
        }
        repository.insertNodes(List.copyOf(inserts.values()));
        repository.updateNodes(List.copyOf(updates.values()));
        for (String id : movedRegion) {
            List<Link> touching = repository.linksTouching(id);
            Map<String, Node> ends = new LinkedHashMap<>();
            repository.nodes(touching.stream().flatMap(l -> java.util.stream.Stream.of(l.from(), l.to())).toList(), false)
                    .forEach((endId, v) -> ends.put(endId, v.value()));
            touching.forEach(link -> drafts.add(linkEvent(TransportEvents.LINK_CHANGED, link, ends)));
        }
        publish(drafts, counts);
    }

    /** Upserts links in the caller's transaction, with a {@code link.opened/changed/closed} event for each change. */
    public void writeLinks(List<Link> links, FeedCounts counts) {
        Map<String, Versioned<Link>> stored = repository.links(links.stream().map(Link::id).toList(), true);
        Map<String, Link> current = new LinkedHashMap<>();
        stored.forEach((id, v) -> current.put(id, v.value()));
        Set<String> ends = new HashSet<>();
        links.forEach(l -> {
            ends.add(l.from());
            ends.add(l.to());
        });
        Map<String, Node> nodes = new LinkedHashMap<>();
        repository.nodes(ends, false).forEach((id, v) -> nodes.put(id, v.value()));
        Map<String, Link> inserts = new LinkedHashMap<>();
        Map<String, Link> updates = new LinkedHashMap<>();
        List<EventPublisher.Draft> drafts = new ArrayList<>();
        for (Link link : links) {
            Link before = current.get(link.id());
            if (link.equals(before)) {
                counts.unchanged();
                continue;
            }
            if (before == null || inserts.containsKey(link.id())) {
                inserts.put(link.id(), link);
            } else {
                updates.put(link.id(), link);
            }
            if (before == null) {
                counts.inserted();
            } else {
                counts.updated();
            }
            current.put(link.id(), link);
            drafts.add(linkEvent(TransportEvents.linkChangeType(before, link), link, nodes));
        }
        repository.insertLinks(List.copyOf(inserts.values()));
        repository.updateLinks(List.copyOf(updates.values()));
        publish(drafts, counts);
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
        snapshots.markChanged();
    }

    /** Whether a node exists: the routing snapshot knows most, the database has the newest. */
    public boolean nodeExists(String id) {
        return snapshots.router().network().index(id).isPresent()
                || !repository.nodes(List.of(id), false).isEmpty();
    }
}
