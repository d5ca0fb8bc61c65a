package io.jjj.transport.domain;

import java.util.List;

/** Every node and link, read together. */
public record NetworkData(List<Node> nodes, List<Link> links) {
}
