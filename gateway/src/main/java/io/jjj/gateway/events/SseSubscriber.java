package io.jjj.gateway.events;

import io.jjj.gateway.config.GatewayConfig;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.concurrent.TimeUnit;

/**
 * An event stream to one client. Events handed over but not yet written to the client's connection are its buffer,
 * bounded in count and bytes: when a live event finds it full, the stream ends with a {@code retry} hint and the
 * client resumes from the relay's replay buffer with {@code Last-Event-ID}.
 */
public final class SseSubscriber implements EventRelay.Subscriber {

    private final EventFilter filter;
    private final SseEventSink sink;
    private final Sse sse;
    private final GatewayConfig.Events config;
    private int pendingEvents;
    private long pendingBytes;
    private boolean closed;

    public SseSubscriber(EventFilter filter, SseEventSink sink, Sse sse, GatewayConfig.Events config) {
        this.filter = filter;
        this.sink = sink;
        this.sse = sse;
        this.config = config;
    }

    @Override
    public EventFilter filter() {
        return filter;
    }

    @Override
    public synchronized EventRelay.Delivery deliver(RelayedEvent event) {
        if (closed || sink.isClosed()) {
            closed = true;
            return EventRelay.Delivery.GONE;
        }
        if (full(event)) {
            fallBehind();
            return EventRelay.Delivery.FELL_BEHIND;
        }
        pendingEvents++;
        pendingBytes += event.bytes();
        sink.send(sse.newEventBuilder().id(event.id()).name(event.type()).data(event.json()).build())
                .whenComplete((sent, error) -> written(event, error));
        return EventRelay.Delivery.ACCEPTED;
    }

    @Override
    public synchronized EventRelay.Delivery replay(RelayedEvent event) {
        long deadline = System.nanoTime() + config.subscriberStall().toNanos();
        while (!closed && full(event)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
                sink.close();
                return EventRelay.Delivery.GONE;
            }
        }
        return deliver(event);
    }

    /** The newest event is always taken into an empty buffer, however large. */
    private boolean full(RelayedEvent event) {
        return pendingEvents > 0 && (pendingEvents >= config.subscriberBufferEvents()
                || pendingBytes + event.bytes() > config.subscriberBufferBytes());
    }

    private synchronized void written(RelayedEvent event, Throwable error) {
        pendingEvents--;
        pendingBytes -= event.bytes();
        if (error != null) {
            closed = true;
        }
        notifyAll();
    }

    @Override
    public synchronized void fallBehind() {
        if (closed) {
            return;
        }
        closed = true;
        sink.send(sse.newEventBuilder().reconnectDelay(config.retry().toMillis())
                        .comment("this stream fell behind; reconnect with Last-Event-ID").build())
                .whenComplete((sent, error) -> sink.close());
    }

    @Override
    public synchronized boolean keepAlive() {
        if (closed || sink.isClosed()) {
            return false;
        }
        sink.send(sse.newEventBuilder().comment("keep-alive").build());
        return true;
    }
}
