package io.jjj.transport.routing;

import io.jjj.transport.domain.Link;
import io.jjj.transport.domain.Node;

import java.util.List;

/** Every node and link, read together. */
public record NetworkData(List<Node> nodes, List<Link> links) {
}
