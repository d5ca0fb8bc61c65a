package io.jjj.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every JSON body is read with the platform's input rules: strings without control characters (line breaks
 * allowed), finite numbers in range, dates in {@link Dates#RANGE}. A refusal is a 400 naming the property.
 */
@Singleton
public class InputJson implements ObjectMapperCustomizer {

    /** Last, so these deserializers win over the standard modules registered before. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("jjj-input");
        module.addDeserializer(String.class, checked(String.class, StringDeserializer.instance, ControlCharacters::inText));
        module.addDeserializer(Double.class, checked(Double.class, number(Double.class), v -> Numbers.refused(v)));
        module.addDeserializer(Double.TYPE, checked(Double.TYPE, number(Double.TYPE), v -> Numbers.refused(v)));
        module.addDeserializer(Float.class, checked(Float.class, number(Float.class), v -> Numbers.refused(v)));
        module.addDeserializer(Float.TYPE, checked(Float.TYPE, number(Float.TYPE), v -> Numbers.refused(v)));
        module.addDeserializer(BigDecimal.class, checked(BigDecimal.class, number(BigDecimal.class), Numbers::refused));
        module.addDeserializer(LocalDate.class, checked(LocalDate.class, LocalDateDeserializer.INSTANCE,
                d -> Dates.inRange(d) ? Optional.empty() : Optional.of(Dates.outOfRange(d))));
        mapper.registerModule(module);
    }

    @SuppressWarnings("unchecked")
    private static <T> JsonDeserializer<T> number(Class<T> type) {
        return (JsonDeserializer<T>) NumberDeserializers.find(type, type.getName());
    }

    private static <T> JsonDeserializer<T> checked(Class<T> type, JsonDeserializer<? extends T> standard,
                                                   Function<T, Optional<String>> refusal) {
        return new Checked<>(type, standard, refusal);
    }

    /** The standard deserializer, then the check; null stays null. */
    private static final class Checked<T> extends StdDeserializer<T> {
        private final JsonDeserializer<? extends T> standard;
        private final Function<T, Optional<String>> refusal;

        Checked(Class<T> type, JsonDeserializer<? extends T> standard, Function<T, Optional<String>> refusal) {
            super(type);
            this.standard = standard;
            this.refusal = refusal;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T value = standard.deserialize(p, ctxt);
            if (value != null) {
                Optional<String> why = refusal.apply(value);
                if (why.isPresent()) {
                    throw InvalidFormatException.from(p, why.get(), value, handledType());
                }
            }
            return value;
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) throws com.fasterxml.jackson.databind.JsonMappingException {
            return standard.getNullValue(ctxt);
        }
    }
}
