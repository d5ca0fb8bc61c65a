package io.jjj.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reading YAML: Kubernetes manifests as Jackson trees, compose files through SnakeYAML (merge keys). */
final class Yamls {
    static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    private Yamls() {
    }

    /** The repository root (set by the pom, defaults to the working directory's ../..). */
    static Path root() {
        String root = System.getProperty("jjj.root");
        Path path = root != null ? Path.of(root) : Path.of("../..");
        return path.toAbsolutePath().normalize();
    }

    /** Every non-empty document of a YAML file, in order. */
    static List<JsonNode> documents(Path file) {
        try {
            List<JsonNode> docs = new ArrayList<>();
            try (var parser = YAML.getFactory().createParser(file.toFile())) {
                Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
                while (it.hasNext()) {
                    JsonNode doc = it.next();
                    if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                        docs.add(doc);
                    }
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    /** The one document of a YAML file, which must be a mapping. */
    static ObjectNode object(Path file) {
        List<JsonNode> docs = documents(file);
        if (docs.size() != 1 || !docs.get(0).isObject()) {
            throw new IllegalArgumentException(file + ": expected exactly one YAML mapping, found " + docs.size() + " document(s)");
        }
        return (ObjectNode) docs.get(0);
    }

    /** A compose-style YAML file read with SnakeYAML, which resolves anchors, aliases and {@code <<} merge keys. */
    static JsonNode withMergeKeys(Path file) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Object loaded = new Yaml(options).load(Files.readString(file));
            return JSON.valueToTree(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
