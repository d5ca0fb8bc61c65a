package io.jjj.platform.jdbc;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JDBC helper against the test database, and its failures answered as their SQL states. */
@QuarkusTest
class JdbcTest {

    @Inject
    Jdbc jdbc;

    record Widget(String name, BigDecimal weight) {
    }

    @Test
    void listOneUpdateBatchAndArrays() {
        String prefix = "jdbc-" + UUID.randomUUID() + "-";
        List<String> names = List.of(prefix + "a", prefix + "b", prefix + "c");
        int[] counts = QuarkusTransaction.requiringNew().call(() -> jdbc.batch("INSERT INTO widget (name, weight) VALUES (?, ?)", names,
                (s, name) -> {
                    s.setString(1, name);
                    s.setBigDecimal(2, BigDecimal.valueOf(name.length()));
                }));
        assertArrayEquals(new int[] {1, 1, 1}, counts);
        assertArrayEquals(new int[0], jdbc.batch("INSERT INTO widget (name) VALUES (?)", List.<String>of(), (s, n) -> s.setString(1, n)));

        List<Widget> found = jdbc.list("SELECT name, weight FROM widget WHERE name = ANY (?) ORDER BY name",
                rs -> new Widget(rs.getString(1), rs.getBigDecimal(2)), Jdbc.array("text", names));
        assertEquals(names, found.stream().map(Widget::name).toList());

        assertEquals(Optional.of(prefix + "b"), jdbc.one("SELECT name FROM widget WHERE name = ?", rs -> rs.getString(1), prefix + "b"));
        assertEquals(Optional.empty(), jdbc.one("SELECT name FROM widget WHERE name = ?", rs -> rs.getString(1), prefix + "z"));

        assertEquals(2, jdbc.update("UPDATE widget SET weight = ? WHERE name = ANY (?) AND name <> ?", BigDecimal.TEN,
                Jdbc.array("text", names), prefix + "a"));
        assertEquals(0, jdbc.update("DELETE FROM widget WHERE name = ?", (Object) null));
        assertEquals(Integer.valueOf(3), jdbc.<Integer>inConnection("count", c -> {
            try (var s = Jdbc.prepare(c, "SELECT count(*) FROM widget WHERE name LIKE ?", prefix + "%"); var rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }));
    }

    @Test
    void aFailureKeepsTheSqlExceptionAndItsState() {
        JdbcException e = assertThrows(JdbcException.class, () -> jdbc.list("SELECT nothing FROM no_such_table", rs -> 1));
        assertEquals("42P01", e.sqlState());
        assertInstanceOf(java.sql.SQLException.class, e.getCause());
        assertTrue(e.getMessage().contains("42P01") && e.getMessage().contains("no_such_table"), e.getMessage());
        JdbcException unchecked = assertThrows(JdbcException.class, () -> Jdbc.unchecked("work", () -> {
            throw new java.sql.SQLException("boom", "08006");
        }));
        assertEquals("08006", unchecked.sqlState());
    }

    @Test
    void aUniqueViolationThroughJdbcIsA409() {
        given().when().put("/api/test/gadgets/dup-" + UUID.randomUUID() + "/twice").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://jjj.example/problems/conflict"));
    }

    @Test
    void statesOfAJdbcExceptionMapAsTheSqlExceptionsDo() {
        given().when().get("/test/jdbc-failure/08006").then().statusCode(503).header("Retry-After", "5")
                .body("type", equalTo("https://jjj.example/problems/database-unavailable")).body("incident", nullValue());
        given().when().get("/test/jdbc-failure/23505").then().statusCode(409);
        given().when().get("/test/jdbc-failure/40001").then().statusCode(409)
                .body("detail", equalTo("A concurrent request changed the same data; retry the request"));
        given().when().get("/test/jdbc-failure/40P01").then().statusCode(409);
        given().when().get("/test/jdbc-failure/22003").then().statusCode(400);
        given().when().get("/test/jdbc-failure/42P01").then().statusCode(500).body("incident", notNullValue());
    }
}
