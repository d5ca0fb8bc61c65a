package io.jjj.transport.domain;

import io.jjj.platform.persistence.VersionedEntity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A stored link: its row in {@code transport_link}, versioned for its ETag. */
@Entity
@Table(name = "transport_link")
public class NetworkLink extends VersionedEntity {

    @Id
    public String id;

    @Column(name = "from_node", nullable = false)
    public String fromNode;

    @Column(name = "to_node", nullable = false)
    public String toNode;

    @Column(nullable = false)
    public String mode;

    public String line;

    @Column(name = "distance_km", nullable = false)
    public BigDecimal distanceKm;

    @Column(nullable = false)
    public BigDecimal minutes;

    @Column(nullable = false)
    public LocalDate opened;

    public LocalDate closed;

    public boolean bidirectional;

    public String source;

    static NetworkLink created(Link link) {
        NetworkLink entity = new NetworkLink();
        entity.id = link.id();
        entity.assign(link);
        return entity;
    }

    void assign(Link link) {
        fromNode = link.from();
        toNode = link.to();
        mode = link.mode();
        line = link.line();
        distanceKm = link.distanceKm();
        minutes = link.minutes();
        opened = link.opened();
        closed = link.closed();
        bidirectional = link.bidirectional();
        source = link.source();
    }

    public Link toLink() {
        return new Link(id, fromNode, toNode, mode, line, distanceKm, minutes, opened, closed, bidirectional, source);
    }

    static List<NetworkLink> byIds(Collection<String> ids, boolean lock) {
        if (ids.isEmpty()) {
            return List.of();
        }
        PanacheQuery<NetworkLink> query = find("id in ?1", ids);
        return (lock ? query.withLock(LockModeType.PESSIMISTIC_WRITE) : query).list();
    }

    static List<NetworkLink> touching(String nodeId) {
        return list("fromNode = ?1 or toNode = ?1 order by id", nodeId);
    }

    static PanacheQuery<NetworkLink> listed(NetworkService.LinkFilter f) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.openOn() != null) {
            clauses.add("l.opened <= :day and (l.closed is null or l.closed > :day)");
            params.and("day", f.openOn());
        }
        if (f.mode() != null) {
            clauses.add("l.mode = :mode");
            params.and("mode", f.mode());
        }
        if (f.line() != null) {
            clauses.add("l.line = :line");
            params.and("line", f.line());
        }
        if (f.node() != null) {
            clauses.add("(l.fromNode = :node or l.toNode = :node)");
            params.and("node", f.node());
        }
        String where = clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        return find("from NetworkLink l" + where + " order by l.id", params);
    }
}
