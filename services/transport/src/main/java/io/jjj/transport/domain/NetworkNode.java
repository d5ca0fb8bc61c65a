package io.jjj.transport.domain;

import io.jjj.platform.persistence.VersionedEntity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A stored node: its row in {@code transport_node}, versioned for its ETag. */
@Entity
@Table(name = "transport_node")
public class NetworkNode extends VersionedEntity {

    @Id
    public String id;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String region;

    public double lon;

    public double lat;

    static NetworkNode created(Node node) {
        NetworkNode entity = new NetworkNode();
        entity.id = node.id();
        entity.assign(node);
        return entity;
    }

    void assign(Node node) {
        nameEn = node.nameEn();
        nameZh = node.nameZh();
        kind = node.kind();
        region = node.region();
        lon = node.lon();
        lat = node.lat();
    }

    public Node toNode() {
        return new Node(id, nameEn, nameZh, kind, region, lon, lat);
    }

    static List<NetworkNode> byIds(Collection<String> ids, boolean lock) {
        if (ids.isEmpty()) {
            return List.of();
        }
        PanacheQuery<NetworkNode> query = find("id in ?1", ids);
        return (lock ? query.withLock(LockModeType.PESSIMISTIC_WRITE) : query).list();
    }

    static PanacheQuery<NetworkNode> listed(NetworkService.NodeFilter f) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.kind() != null) {
            clauses.add("n.kind = :kind");
            params.and("kind", f.kind());
        }
        if (f.regions() != null) {
            clauses.add("n.region in :regions");
            params.and("regions", f.regions());
        }
        if (f.servedOn() != null) {
            clauses.add("exists (from NetworkLink l where (l.fromNode = n.id or l.toNode = n.id)"
                    + " and l.opened <= :day and (l.closed is null or l.closed > :day)"
                    + (f.mode() == null ? "" : " and l.mode = :mode") + ")");
            params.and("day", f.servedOn());
            if (f.mode() != null) {
                params.and("mode", f.mode());
            }
        }
        String where = clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        return find("from NetworkNode n" + where + " order by n.id", params);
    }
}
