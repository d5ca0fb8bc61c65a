package io.jjj.transport.routing;

import io.agroal.api.AgroalDataSource;
import io.jjj.platform.notify.PgListener;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The routing snapshot heals: a failed rebuild is tried again, and a lost LISTEN connection is opened again. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class NetworkSnapshotsTest {

    @Inject
    NetworkSnapshots snapshots;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aFailedRebuildIsRetriedUntilItSucceedsWithoutAnotherChange() throws SQLException {
        long failedBefore = snapshots.failedRebuilds();
        execute("ALTER TABLE transport_link RENAME TO transport_link_away");
        long rebuildsBefore;
        try {
            rebuildsBefore = snapshots.rebuilds();
            snapshots.requestRebuild();
            await().atMost(Duration.ofSeconds(10)).until(() -> snapshots.failedRebuilds() > failedBefore);
            given().when().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'transport-network' }.status", equalTo("UP"));
        } finally {
            execute("ALTER TABLE transport_link_away RENAME TO transport_link");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshots.rebuilds() > rebuildsBefore);
        assertEquals(rebuildsBefore + 1, snapshots.rebuilds(), "the one pending change, rebuilt once");
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'transport-network' }.data.lastError", equalTo(null));
    }

    @Test
    void anInstanceWhoseListenConnectionIsTerminatedListensAgainAndRebuildsToCatchUp() throws SQLException {
        await().atMost(Duration.ofSeconds(10)).until(() -> listeners() == 1);
        long rebuildsBefore = snapshots.rebuilds();
        execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                + PgListener.applicationName(NetworkSnapshots.CHANNEL) + "'");
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshots.rebuilds() > rebuildsBefore);
        await().atMost(Duration.ofSeconds(10)).until(() -> listeners() == 1);

        long afterReconnect = snapshots.rebuilds();
        execute("SELECT pg_notify('" + NetworkSnapshots.CHANNEL + "', 'another-instance')");
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshots.rebuilds() > afterReconnect);
    }

    private long listeners() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            s.setString(1, PgListener.applicationName(NetworkSnapshots.CHANNEL));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
