package io.jjj.platform.notify;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PgListenerTest {

    @Inject
    PgListener pgListener;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aListenerWhoseConnectionIsTerminatedListensAgainAndHearsTheNextNotification() throws SQLException {
        String channel = "jjj_test_" + UUID.randomUUID().toString().replace("-", "");
        AtomicInteger connected = new AtomicInteger();
        List<String> heard = new CopyOnWriteArrayList<>();
        try (PgListener.Listening listening = pgListener.listen(channel, new PgListener.Listener() {
            @Override
            public void connected() {
                connected.incrementAndGet();
            }

            @Override
            public void notified(List<String> payloads) {
                heard.addAll(payloads);
            }
        })) {
            await().atMost(Duration.ofSeconds(10)).until(() -> listening.connections() == 1);
            notify(channel, "before");
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("before"));

            assertEquals(1, terminateListener(channel), "one backend listens on the channel");
            await().atMost(Duration.ofSeconds(10)).until(() -> listening.connections() == 2);
            assertEquals(2, connected.get(), "the listener hears that it listens again, so it can catch up");
            notify(channel, "after");
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("after"));
            assertTrue(heard.indexOf("before") < heard.indexOf("after"));
        }
    }

    private void notify(String channel, String payload) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, channel);
            s.setString(2, payload);
            s.execute();
        }
    }

    private int terminateListener(String channel) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")) {
            s.setString(1, PgListener.applicationName(channel));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
