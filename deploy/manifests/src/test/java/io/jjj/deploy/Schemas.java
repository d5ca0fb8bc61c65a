package io.jjj.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a manifest against the schema of its kind. Built-in kinds and Strimzi's resources are
 * bound to the Java types generated from their OpenAPI schemas (fabric8's Kubernetes model,
 * Strimzi's API model): a field of the wrong type fails to bind, and a field the schema does not
 * have lands in the type's "additional properties", which must stay empty. CloudNativePG has no
 * Java model on Maven Central, so the part of its Cluster schema used here is spelled out below.
 */
final class Schemas {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    static {
        STRICT.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        STRICT.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        STRICT.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class));

    static final String CNPG_CLUSTER = "postgresql.cnpg.io/v1/Cluster";

    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    private Schemas() {
    }

    /** The problems found in one resource; empty when it conforms. */
    static List<String> validate(JsonNode resource) {
        List<String> problems = new ArrayList<>();
        String what = Overlays.describe(resource);
        for (String field : List.of("apiVersion", "kind")) {
            if (!resource.path(field).isTextual() || resource.path(field).asText().isBlank()) {
                problems.add(what + ": " + field + " is required");
            }
        }
        String name = Overlays.name(resource);
        if (name.isEmpty()) {
            problems.add(what + ": metadata.name is required");
        } else if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            problems.add(what + ": metadata.name '" + name + "' is not a DNS subdomain name");
        }
        String kind = resource.path("kind").asText();
        // Names that become DNS labels (Service host names, CNPG and Strimzi derive Services from them).
        if (Set.of("Service", "Namespace", "Cluster", "Kafka", "Deployment").contains(kind)
                && (name.length() > 63 || !DNS_LABEL.matcher(name).matches())) {
            problems.add(what + ": metadata.name '" + name + "' must be a DNS label (RFC 1035, at most 63 characters)");
        }
        for (String map : List.of("labels", "annotations")) {
            resource.path("metadata").path(map).fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    problems.add(what + ": metadata." + map + "." + e.getKey() + " must be a string (quote it)");
                }
            });
        }
        String key = resource.path("apiVersion").asText() + "/" + kind;
        if (key.equals(CNPG_CLUSTER)) {
            problems.addAll(cnpgCluster(resource));
            return problems;
        }
        Class<?> type = TYPES.get(key);
        if (type == null) {
            problems.add(what + ": no schema known for " + key);
            return problems;
        }
        try {
            Object bound = STRICT.treeToValue(resource, type);
            unknownFields(bound, kind, problems, new IdentityHashMap<>());
        } catch (Exception e) {
            problems.add(what + ": does not match the " + key + " schema: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return problems;
    }

    /** Walks a bound model object: every "additional property" is a field the schema does not know. */
    private static void unknownFields(Object o, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                unknownFields(e, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                unknownFields(e.getValue(), path + "." + e.getKey(), problems, seen);
            }
            return;
        }
        String pkg = o.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            boolean extra = m.getName().equals("getAdditionalProperties");
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class
                    || !m.getName().startsWith("get") || (m.isAnnotationPresent(JsonIgnore.class) && !extra)) {
                continue;
            }
            try {
                Object value = m.invoke(o);
                if (extra) {
                    if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                        problems.add(path + ": unknown field(s) " + unknown.keySet());
                    }
                } else if (!(o instanceof Quantity)) {
                    String field = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                    unknownFields(value, path + "." + field, problems, seen);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // A derived getter that does not apply to this object; not a schema field.
            }
        }
    }

    // --- CloudNativePG Cluster (postgresql.cnpg.io/v1), the fields this repository uses ---------------

    private interface Field {
        void check(JsonNode value, String path, List<String> problems);
    }

    private static final Field STRING = (v, p, out) -> {
        if (!v.isTextual()) {
            out.add(p + " must be a string");
        }
    };
    private static final Field INT = (v, p, out) -> {
        if (!v.isIntegralNumber()) {
            out.add(p + " must be an integer");
        }
    };
    private static final Field BOOL = (v, p, out) -> {
        if (!v.isBoolean()) {
            out.add(p + " must be a boolean");
        }
    };
    private static final Field QUANTITY = (v, p, out) -> {
        if (!v.isTextual() || !v.asText().matches("[0-9]+(\\.[0-9]+)?([KMGTPE]i|[kMGTPE])?")) {
            out.add(p + " must be a quantity such as 10Gi");
        }
    };
    private static final Field STRING_MAP = (v, p, out) -> {
        if (!v.isObject()) {
            out.add(p + " must be a map");
            return;
        }
        v.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                out.add(p + "." + e.getKey() + " must be a string (quote it)");
            }
        });
    };
    private static final Field RESOURCES = (v, p, out) -> {
        try {
            ResourceRequirements r = STRICT.treeToValue(v, ResourceRequirements.class);
            unknownFields(r, p, out, new IdentityHashMap<>());
        } catch (Exception e) {
            out.add(p + " is not a ResourceRequirements: " + e.getMessage().lines().findFirst().orElse(""));
        }
    };

    private static Field oneOf(String... values) {
        return (v, p, out) -> {
            if (!v.isTextual() || !List.of(values).contains(v.asText())) {
                out.add(p + " must be one of " + List.of(values));
            }
        };
    }

    private static Field object(Map<String, Field> fields, String... required) {
        return (v, p, out) -> {
            if (!v.isObject()) {
                out.add(p + " must be an object");
                return;
            }
            for (String r : required) {
                if (!v.has(r)) {
                    out.add(p + "." + r + " is required");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Field f = fields.get(e.getKey());
                if (f == null) {
                    out.add(p + "." + e.getKey() + " is not a field of the schema (known: " + fields.keySet() + ")");
                } else {
                    f.check(e.getValue(), p + "." + e.getKey(), out);
                }
            }
        };
    }

    /** From the CloudNativePG API reference (ClusterSpec and the types it uses). */
    private static final Field CLUSTER_SPEC = object(Map.ofEntries(
            Map.entry("description", STRING),
            Map.entry("instances", INT),
            Map.entry("imageName", STRING),
            Map.entry("primaryUpdateStrategy", oneOf("unsupervised", "supervised")),
            Map.entry("primaryUpdateMethod", oneOf("switchover", "restart")),
            Map.entry("minSyncReplicas", INT),
            Map.entry("maxSyncReplicas", INT),
            Map.entry("enableSuperuserAccess", BOOL),
            Map.entry("bootstrap", object(Map.of(
                    "initdb", object(Map.of(
                            "database", STRING,
                            "owner", STRING,
                            "encoding", STRING,
                            "localeCollate", STRING,
                            "localeCType", STRING,
                            "dataChecksums", BOOL))))),
            Map.entry("postgresql", object(Map.of(
                    "parameters", STRING_MAP,
                    "pg_hba", (v, p, out) -> {
                        if (!v.isArray()) {
                            out.add(p + " must be a list");
                        }
                    }))),
            Map.entry("storage", object(Map.of(
                    "size", QUANTITY,
                    "storageClass", STRING,
                    "resizeInUseVolumes", BOOL), "size")),
            Map.entry("walStorage", object(Map.of(
                    "size", QUANTITY,
                    "storageClass", STRING), "size")),
            Map.entry("resources", RESOURCES),
            Map.entry("affinity", object(Map.of(
                    "enablePodAntiAffinity", BOOL,
                    "topologyKey", STRING,
                    "podAntiAffinityType", oneOf("preferred", "required"),
                    "nodeSelector", STRING_MAP))),
            Map.entry("monitoring", object(Map.of(
                    "enablePodMonitor", BOOL)))),
            "instances", "storage");

    private static List<String> cnpgCluster(JsonNode resource) {
        List<String> problems = new ArrayList<>();
        String what = Overlays.describe(resource);
        for (Iterator<String> it = resource.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("apiVersion", "kind", "metadata", "spec").contains(f)) {
                problems.add(what + ": unknown top-level field " + f);
            }
        }
        if (!resource.has("spec")) {
            problems.add(what + ": spec is required");
        } else {
            CLUSTER_SPEC.check(resource.get("spec"), what + ": spec", problems);
        }
        return problems;
    }
}
