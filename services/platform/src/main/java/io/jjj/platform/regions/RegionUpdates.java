package io.jjj.platform.regions;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.events.CloudEvent;
import io.jjj.platform.events.EventJson;
import io.jjj.platform.inbox.EventConsumers;
import io.jjj.platform.outbox.KafkaClients;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a service's {@link Regions} current without a release: stores each {@code jjj.regions.updated.v1} event the
 * regions feed publishes (consumer group {@code <service>-regions}, through the inbox, so a redelivery changes
 * nothing) and lays every stored update over the generated reference, at once and at each start.
 */
@ApplicationScoped
public class RegionUpdates {

    private static final Logger LOG = Logger.getLogger(RegionUpdates.class);

    private final Regions regions;
    private final AgroalDataSource dataSource;
    private final EventConsumers consumers;
    private final KafkaClients kafka;
    private final PlatformConfig config;

    public RegionUpdates(Regions regions, AgroalDataSource dataSource, EventConsumers consumers, KafkaClients kafka,
                         PlatformConfig config) {
        this.regions = regions;
        this.dataSource = dataSource;
        this.consumers = consumers;
        this.kafka = kafka;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) throws SQLException {
        if (!config.regions().followUpdates()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            regions.apply(stored(c));
        }
        String topic = config.regions().updatesTopic();
        try {
            kafka.ensureTopic(topic);
        } catch (Exception e) {
            LOG.warnf("could not make sure topic %s exists (%s); the consumer subscribes anyway", topic, e.getMessage());
        }
        consumers.start(config.service().name() + "-regions", List.of(topic), this::handle);
    }

    void handle(CloudEvent event) throws SQLException, JsonProcessingException {
        if (!RegionsFeed.UPDATED.equals(event.type())) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO region_update (event_id, body) VALUES (?, ?::jsonb) ON CONFLICT (event_id) DO NOTHING")) {
                s.setObject(1, event.id());
                s.setString(2, EventJson.MAPPER.writeValueAsString(event.data()));
                s.executeUpdate();
            }
            regions.apply(stored(c));
        }
    }

    private static List<RegionUpdate> stored(Connection c) throws SQLException {
        List<RegionUpdate> updates = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT body::text FROM region_update ORDER BY seq");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                try {
                    updates.add(EventJson.MAPPER.readValue(rs.getString(1), RegionUpdate.class));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a stored region update is unreadable: " + e.getOriginalMessage(), e);
                }
            }
        }
        return updates;
    }
}
