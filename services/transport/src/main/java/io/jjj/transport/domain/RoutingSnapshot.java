package io.jjj.transport.domain;

/** What the network's writes need from the routing snapshot, which lives above this package. */
public interface RoutingSnapshot {

    /** Whether the current snapshot has the node: cheaper than the database, but may lag behind it. */
    boolean hasNode(String id);

    /** Called inside a transaction that changes nodes or links: the snapshot is rebuilt once it commits. */
    void markChanged();
}
