package io.jjj.platform.persistence;

import io.jjj.platform.fixture.Gadget;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.OptimisticLockException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Panache entity on VersionedEntity starts at version 1, counts each update, stamps updated_at, and refuses a stale
 * write; over HTTP, the create-or-replace PUT of the fixture speaks If-Match by ConditionalWrites.
 */
@QuarkusTest
class VersionedEntityTest {

    @Test
    void versionStartsAtOneAndCountsUpdates() {
        String name = "g-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Gadget g = new Gadget();
            g.name = name;
            g.colour = "red";
            g.persist();
        });
        Gadget created = QuarkusTransaction.requiringNew().call(() -> Gadget.findById(name));
        assertEquals(1, created.version);
        assertEquals("\"1\"", created.etag());
        assertNotNull(created.updatedAt);
        OffsetDateTime first = created.updatedAt;

        QuarkusTransaction.requiringNew().run(() -> Gadget.<Gadget>findById(name).colour = "blue");
        Gadget updated = QuarkusTransaction.requiringNew().call(() -> Gadget.findById(name));
        assertEquals(2, updated.version);
        assertEquals("blue", updated.colour);
        assertTrue(!updated.updatedAt.isBefore(first));
    }

    @Test
    void aStaleEntityIsRefused() {
        String name = "g-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Gadget g = new Gadget();
            g.name = name;
            g.colour = "red";
            g.persist();
        });
        Gadget stale = QuarkusTransaction.requiringNew().call(() -> Gadget.findById(name));
        QuarkusTransaction.requiringNew().run(() -> Gadget.<Gadget>findById(name).colour = "blue");
        stale.colour = "green";
        RuntimeException e = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Gadget.getEntityManager().merge(stale);
            Gadget.getEntityManager().flush();
        }));
        boolean optimistic = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            optimistic |= t instanceof OptimisticLockException;
        }
        assertTrue(optimistic, e.toString());
    }

    @Test
    void createOrReplaceOverHttp() {
        String path = "/api/test/gadgets/h-" + UUID.randomUUID();
        given().contentType("application/json").header("If-Match", "\"1\"").body("{\"colour\":\"red\"}").when().put(path)
                .then().statusCode(412).contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        given().contentType("application/json").header("If-None-Match", "*").body("{\"colour\":\"red\"}").when().put(path)
                .then().statusCode(201).header("ETag", "\"1\"").body("version", equalTo(1));
        given().contentType("application/json").header("If-None-Match", "*").body("{\"colour\":\"red\"}").when().put(path)
                .then().statusCode(412).body("errors[0].field", equalTo("If-None-Match"));
        given().contentType("application/json").body("{\"colour\":\"blue\"}").when().put(path)
                .then().statusCode(428).body("errors[0].field", equalTo("If-Match")).body("currentETag", equalTo("\"1\""));
        given().contentType("application/json").header("If-Match", "W/\"1\"").body("{\"colour\":\"blue\"}").when().put(path)
                .then().statusCode(412);
        given().contentType("application/json").header("If-Match", "1").body("{\"colour\":\"blue\"}").when().put(path)
                .then().statusCode(400).body("detail", containsString("If-Match"));
        given().contentType("application/json").header("If-Match", "\"0\", \"1\"").body("{\"colour\":\"blue\"}").when().put(path)
                .then().statusCode(200).header("ETag", "\"2\"").body("colour", equalTo("blue"));
        given().contentType("application/json").header("If-Match", "\"1\"").body("{\"colour\":\"green\"}").when().put(path)
                .then().statusCode(412).body("detail", containsString("\"2\""));
        given().when().get(path).then().statusCode(200).header("ETag", "\"2\"").body("colour", equalTo("blue"));
    }
}
