package io.jjj.indicators.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.jjj.indicators.config.IndicatorsConfig;
import io.jjj.indicators.domain.Derived;
import io.jjj.indicators.domain.DerivedIndicators;
import io.jjj.platform.events.CloudEvent;
import io.jjj.platform.inbox.EventConsumers;
import io.jjj.platform.outbox.KafkaClients;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Consumes {@code jjj.projects.v1} and {@code jjj.transport.v1} into the derived indicators. Every event carries
 * the full state of its entity, so each one is applied on its own; the platform inbox makes redeliveries no-ops.
 */
@ApplicationScoped
public class DerivedEventsConsumer {

    private static final Logger LOG = Logger.getLogger(DerivedEventsConsumer.class);
    private static final String PROJECT_TYPES = "jjj.projects.project.";
    private static final String LINK_TYPES = "jjj.transport.link.";

    private final EventConsumers consumers;
    private final KafkaClients kafka;
    private final DerivedIndicators derived;
    private final IndicatorsConfig config;

    public DerivedEventsConsumer(EventConsumers consumers, KafkaClients kafka, DerivedIndicators derived, IndicatorsConfig config) {
        this.consumers = consumers;
        this.kafka = kafka;
        this.derived = derived;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.derived().enabled()) {
            return;
        }
        List<String> topics = List.of(config.derived().projectsTopic(), config.derived().transportTopic());
        for (String topic : topics) {
            try {
                kafka.ensureTopic(topic);
            } catch (Exception e) {
                LOG.warnf("could not make sure topic %s exists (%s); the consumer subscribes anyway", topic, e.getMessage());
            }
        }
        consumers.start(config.derived().consumerGroup(), topics, this::handle);
    }

    void handle(CloudEvent event) {
        JsonNode d = event.data();
        if (d == null || !d.isObject()) {
            return;
        }
        if (event.type().startsWith(PROJECT_TYPES)) {
            derived.projectChanged(new Derived.Project(text(d, "id", event.subject()), text(d, "destination", null),
                    text(d, "status", null), d.path("signedYear").isIntegralNumber() ? d.path("signedYear").asInt() : null,
                    decimal(d, "investmentCny100m")));
        } else if (event.type().startsWith(LINK_TYPES)) {
            derived.linkChanged(new Derived.Link(text(d, "id", event.subject()), text(d, "mode", null), text(d, "from", null),
                    text(d, "to", null), text(d, "fromRegion", null), text(d, "toRegion", null), decimal(d, "distanceKm"),
                    date(d, "opened"), date(d, "closed")));
        }
    }

    private static String text(JsonNode d, String field, String fallback) {
        JsonNode v = d.path(field);
        return v.isNull() || v.isMissingNode() || v.asText().isBlank() ? fallback : v.asText();
    }

    private static BigDecimal decimal(JsonNode d, String field) {
        JsonNode v = d.path(field);
        return v.isNumber() ? v.decimalValue() : null;
    }

    private static LocalDate date(JsonNode d, String field) {
        String v = text(d, field, null);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
        } catch (java.time.format.DateTimeParseException e) {
            LOG.warnf("ignoring malformed %s date '%s'", field, v);
            return null;
        }
    }
}
