package io.jjj.platform.inbox;

import io.jjj.platform.events.CloudEvent;

/** Applies one consumed event; called inside a transaction that also records the event as handled. */
@FunctionalInterface
public interface EventHandler {
    void handle(CloudEvent event) throws Exception;
}
