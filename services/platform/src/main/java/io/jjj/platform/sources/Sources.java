package io.jjj.platform.sources;

import io.jjj.platform.feeds.CsvReader;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reference list of publications behind the data: source id → citation. */
@ApplicationScoped
public class Sources {

    private final Map<String, String> citations = new LinkedHashMap<>();

    public Sources() {
        try (InputStream in = Sources.class.getClassLoader().getResourceAsStream("reference/sources.csv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource reference/sources.csv");
            }
            CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            csv.next();
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                citations.put(row.get(0), row.get(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<String> citation(String id) {
        return Optional.ofNullable(citations.get(id));
    }

    /** The citations of the given ids that the reference list knows, in the order given. */
    public Map<String, String> citations(Collection<String> ids) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : ids) {
            citation(id).ifPresent(c -> out.put(id, c));
        }
        return out;
    }
}
