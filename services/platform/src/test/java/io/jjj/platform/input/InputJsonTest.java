package io.jjj.platform.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InputJsonTest {

    record Body(String name, List<String> tags, Double density, double ratio, BigDecimal weight, LocalDate made) {
    }

    private final ObjectMapper json = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new InputJson().customize(mapper);
        return mapper;
    }

    @Test
    void cleanValuesPass() throws Exception {
        Body b = json.readValue("{\"name\":\"two\\nlines\",\"tags\":[\"a\"],\"density\":1.5,\"ratio\":2,\"weight\":3.25,\"made\":\"2020-02-29\"}", Body.class);
        assertEquals("two\nlines", b.name());
        assertEquals(LocalDate.of(2020, 2, 29), b.made());
    }

    @Test
    void eachRuleNamesTheProperty() {
        for (String bad : List.of("{\"name\":\"a\\u0000\"}", "{\"tags\":[\"\\u0001\"]}", "{\"density\":1e999}",
                "{\"ratio\":\"NaN\"}", "{\"weight\":1e40}", "{\"made\":\"+5874898-01-01\"}")) {
            InvalidFormatException e = assertThrows(InvalidFormatException.class, () -> json.readValue(bad, Body.class), bad);
            assertEquals(bad.substring(2, bad.indexOf('"', 2)), e.getPath().get(0).getFieldName(), bad);
        }
    }
}
