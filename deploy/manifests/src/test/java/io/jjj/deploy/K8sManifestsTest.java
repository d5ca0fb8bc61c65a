package io.jjj.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.jjj.deploy.Overlays.APPS;
import static io.jjj.deploy.Overlays.SERVICES;
import static io.jjj.deploy.Overlays.TOPICS;
import static io.jjj.deploy.Overlays.describe;
import static io.jjj.deploy.Overlays.environment;
import static io.jjj.deploy.Overlays.imageTag;
import static io.jjj.deploy.Overlays.name;
import static io.jjj.deploy.Overlays.named;
import static io.jjj.deploy.Overlays.ofKind;
import static io.jjj.deploy.Overlays.podLabels;
import static io.jjj.deploy.Overlays.podSpec;
import static io.jjj.deploy.Overlays.selects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/k8s: every manifest parses and is used, both overlays render, and what they render holds together. */
class K8sManifestsTest {

    static Stream<String> overlays() {
        return Overlays.names();
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> s = Files.walk(Overlays.k8s())) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    // --- the files ---------------------------------------------------------------------------------

    @Test
    void everyYamlFileParsesAsAKustomizationAManifestOrAPatch() throws IOException {
        List<Path> files = yamlFiles();
        assertTrue(files.size() > 15, "deploy/k8s should hold the manifests, found " + files.size());
        for (Path f : files) {
            List<JsonNode> docs = Yamls.documents(f);
            assertFalse(docs.isEmpty(), f + " is empty");
            if (f.getFileName().toString().equals("kustomization.yaml")) {
                assertEquals("kustomize.config.k8s.io/v1beta1", docs.get(0).path("apiVersion").asText(), f.toString());
                assertEquals("Kustomization", docs.get(0).path("kind").asText(), f.toString());
                continue;
            }
            for (JsonNode doc : docs) {
                if (doc.isArray()) {
                    assertTrue(f.getParent().getFileName().toString().equals("patches"), f + ": JSON patches live in patches/");
                    for (JsonNode op : doc) {
                        assertTrue(Set.of("add", "replace", "remove").contains(op.path("op").asText()), f + ": op " + op);
                        assertTrue(op.path("path").asText().startsWith("/"), f + ": path " + op);
                    }
                } else {
                    assertTrue(doc.path("apiVersion").isTextual(), f + ": apiVersion");
                    assertTrue(doc.path("kind").isTextual(), f + ": kind");
                    assertTrue(doc.path("metadata").path("name").isTextual(), f + ": metadata.name");
                }
            }
        }
    }

    @Test
    void everyManifestIsReferencedByAKustomization() throws IOException {
        Set<Path> used = new HashSet<>();
        for (String overlay : Overlays.NAMES) {
            collectReferences(Overlays.k8s().resolve("overlays").resolve(overlay), used);
        }
        for (Path f : yamlFiles()) {
            if (!f.getFileName().toString().equals("kustomization.yaml")) {
                assertTrue(used.contains(f.normalize()), f + " is not used by any overlay");
            }
        }
    }

    private static void collectReferences(Path dir, Set<Path> used) {
        ObjectNode k = Yamls.object(dir.resolve("kustomization.yaml"));
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            if (Files.isDirectory(p)) {
                collectReferences(p, used);
            } else {
                used.add(p);
            }
        }
        for (JsonNode p : k.path("patches")) {
            if (p.has("path")) {
                used.add(dir.resolve(p.get("path").asText()).normalize());
            }
        }
    }

    @Test
    void theBaseRendersAndEveryResourceMatchesItsSchema() {
        List<ObjectNode> base = Overlays.base();
        List<String> problems = new ArrayList<>();
        base.forEach(r -> problems.addAll(Schemas.validate(r)));
        assertEquals(List.of(), problems);
        assertTrue(base.stream().noneMatch(r -> r.path("metadata").has("namespace")),
                "the base leaves the namespace to the overlays");
    }

    @Test
    void noSecretValueIsCommitted() throws IOException {
        for (Path f : yamlFiles()) {
            for (JsonNode doc : Yamls.documents(f)) {
                if (doc.path("kind").asText().equals("Secret")) {
                    assertFalse(doc.has("data") || doc.has("stringData"), f + " commits secret values");
                }
            }
        }
        for (String overlay : Overlays.NAMES) {
            Path dir = Overlays.k8s().resolve("overlays").resolve(overlay);
            Path example = dir.resolve("secrets.env.example");
            assertTrue(Files.isRegularFile(example), example + " documents the secrets");
            for (String line : Files.readAllLines(example)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    assertTrue(line.matches("[A-Z_][A-Z0-9_]*="), example + " must leave values empty: " + line);
                }
            }
            assertTrue(Files.readAllLines(dir.resolve(".gitignore")).contains("secrets.env"),
                    overlay + "/.gitignore must keep secrets.env out of git");
        }
        assertTrue(Yamls.read(Yamls.root().resolve(".dockerignore")).contains("secrets.env"),
                ".dockerignore must keep secrets.env out of images");
    }

    // --- each rendered overlay -----------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("overlays")
    void everyRenderedResourceMatchesItsSchema(String overlay) {
        List<String> problems = new ArrayList<>();
        Overlays.render(overlay).forEach(r -> problems.addAll(Schemas.validate(r)));
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everythingLivesInTheOverlaysNamespace(String overlay) {
        List<ObjectNode> out = Overlays.render(overlay);
        List<ObjectNode> namespaces = ofKind(out, "Namespace");
        assertEquals(1, namespaces.size(), "one Namespace per overlay");
        String ns = name(namespaces.get(0));
        for (ObjectNode o : out) {
            if (o != namespaces.get(0)) {
                assertEquals(ns, o.path("metadata").path("namespace").asText(), describe(o));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void deploymentsHaveImagesResourcesProbesAndSelectorsMatchingTheirPods(String overlay) {
        List<ObjectNode> out = Overlays.render(overlay);
        int runAsUser = DockerfileTest.runtimeUser();
        assertEquals(Set.copyOf(APPS), names(ofKind(out, "Deployment")));
        for (ObjectNode d : ofKind(out, "Deployment")) {
            String what = overlay + ": " + describe(d);
            JsonNode selector = d.path("spec").path("selector");
            assertFalse(selector.path("matchLabels").isEmpty(), what + ": selector");
            assertTrue(selects(selector, podLabels(d)), what + ": selector must match the template's labels");
            JsonNode pod = podSpec(d);
            assertEquals(runAsUser, pod.path("securityContext").path("runAsUser").asInt(),
                    what + ": runAsUser must be the Dockerfile's USER");
            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), what + ": runAsNonRoot");
            assertEquals(1, pod.path("containers").size(), what);
            for (JsonNode c : pod.path("containers")) {
                String image = c.path("image").asText();
                String tag = imageTag(image);
                assertTrue(!tag.isEmpty() && !tag.equals("latest"), what + ": image " + image + " needs a fixed tag");
                for (String r : List.of("requests.cpu", "requests.memory", "limits.memory")) {
                    String[] p = r.split("\\.");
                    assertTrue(c.path("resources").path(p[0]).path(p[1]).isTextual(), what + ": resources." + r);
                }
                Set<String> portNames = new HashSet<>();
                c.path("ports").forEach(p -> portNames.add(p.path("name").asText()));
                // liveness depends on no other process; readiness only on what the pod itself needs to serve
                Map<String, String> probes = Map.of("readinessProbe", "/q/health/ready", "livenessProbe", "/q/health/live",
                        "startupProbe", "/q/health/live");
                for (Map.Entry<String, String> probe : probes.entrySet()) {
                    JsonNode get = c.path(probe.getKey()).path("httpGet");
                    assertEquals(probe.getValue(), get.path("path").asText(), what + ": " + probe.getKey());
                    assertTrue(portNames.contains(get.path("port").asText()), what + ": " + probe.getKey() + " port");
                }
                if (c.path("securityContext").path("readOnlyRootFilesystem").asBoolean()) {
                    boolean tmp = false;
                    for (JsonNode m : c.path("volumeMounts")) {
                        tmp |= m.path("mountPath").asText().equals("/tmp");
                    }
                    assertTrue(tmp, what + ": a read-only root file system needs a writable /tmp");
                }
                Map<String, String> env = environment(out, c);
                assertEquals(String.valueOf(c.path("ports").get(0).path("containerPort").asInt()),
                        env.get("QUARKUS_HTTP_PORT"), what + ": QUARKUS_HTTP_PORT must be the container port");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesSelectTheirDeploymentsPodsAndPorts(String overlay) {
        List<ObjectNode> out = Overlays.render(overlay);
        assertEquals(Set.copyOf(APPS), names(ofKind(out, "Service")));
        for (ObjectNode s : ofKind(out, "Service")) {
            String what = overlay + ": " + describe(s);
            JsonNode selector = s.path("spec").path("selector");
            assertFalse(selector.isEmpty(), what + ": selector");
            List<ObjectNode> selected = ofKind(out, "Deployment").stream()
                    .filter(d -> selects(selector, podLabels(d))).toList();
            assertEquals(1, selected.size(), what + " must select exactly one Deployment's pods");
            JsonNode container = podSpec(selected.get(0)).path("containers").get(0);
            for (JsonNode port : s.path("spec").path("ports")) {
                JsonNode target = null;
                for (JsonNode cp : container.path("ports")) {
                    if (cp.path("name").asText().equals(port.path("targetPort").asText())
                            || cp.path("containerPort").asText().equals(port.path("targetPort").asText())) {
                        target = cp;
                    }
                }
                assertNotNull(target, what + ": targetPort " + port.path("targetPort") + " is not a container port");
                assertEquals(target.path("containerPort").asInt(), port.path("port").asInt(),
                        what + ": service port and container port are kept equal, as in docker-compose.yml");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyAppHasAnAutoscalerAndADisruptionBudgetThatFit(String overlay) {
        List<ObjectNode> out = Overlays.render(overlay);
        assertEquals(Set.copyOf(APPS), names(ofKind(out, "HorizontalPodAutoscaler")));
        for (ObjectNode h : ofKind(out, "HorizontalPodAutoscaler")) {
            String what = overlay + ": " + describe(h);
            JsonNode ref = h.path("spec").path("scaleTargetRef");
            assertEquals("Deployment", ref.path("kind").asText(), what);
            assertEquals("apps/v1", ref.path("apiVersion").asText(), what);
            ObjectNode target = named(out, "Deployment", ref.path("name").asText());
            assertNotNull(target, what + ": scaleTargetRef " + ref.path("name").asText() + " does not exist");
            assertFalse(target.path("spec").has("replicas"), what + ": the autoscaler owns the replica count");
            int min = h.path("spec").path("minReplicas").asInt();
            int max = h.path("spec").path("maxReplicas").asInt();
            assertTrue(min >= 1 && min <= max, what + ": minReplicas " + min + ", maxReplicas " + max);
            for (JsonNode m : h.path("spec").path("metrics")) {
                String resource = m.path("resource").path("name").asText();
                assertTrue(podSpec(target).path("containers").get(0).path("resources").path("requests").has(resource),
                        what + ": utilisation of " + resource + " needs a request for it");
            }
        }
        assertEquals(Set.copyOf(APPS), names(ofKind(out, "PodDisruptionBudget")));
        for (ObjectNode p : ofKind(out, "PodDisruptionBudget")) {
            String what = overlay + ": " + describe(p);
            List<ObjectNode> selected = ofKind(out, "Deployment").stream()
                    .filter(d -> selects(p.path("spec").path("selector"), podLabels(d))).toList();
            assertEquals(1, selected.size(), what + " must select one Deployment");
            JsonNode spec = p.path("spec");
            assertTrue(spec.has("maxUnavailable") != spec.has("minAvailable"), what + ": maxUnavailable or minAvailable");
            if (spec.path("minAvailable").isInt()) {
                ObjectNode hpa = named(out, "HorizontalPodAutoscaler", name(selected.get(0)));
                assertTrue(spec.path("minAvailable").asInt() < hpa.path("spec").path("minReplicas").asInt(),
                        what + ": minAvailable must leave room to drain a node");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheGatewayReachesTheServices(String overlay) {
        List<ObjectNode> out = Overlays.render(overlay);
        ObjectNode gateway = named(out, "Deployment", "gateway");
        List<ObjectNode> policies = ofKind(out, "NetworkPolicy");
        for (String service : SERVICES) {
            ObjectNode d = named(out, "Deployment", service);
            List<ObjectNode> applying = policies.stream()
                    .filter(p -> selects(p.path("spec").path("podSelector"), podLabels(d)))
                    .filter(p -> p.path("spec").path("policyTypes").toString().contains("Ingress"))
                    .toList();
            assertFalse(applying.isEmpty(), overlay + ": no NetworkPolicy isolates " + service);
            for (ObjectNode p : applying) {
                for (JsonNode rule : p.path("spec").path("ingress")) {
                    String what = overlay + ": " + describe(p) + " on " + service;
                    assertFalse(rule.path("from").isEmpty(), what + " admits every source");
                    for (JsonNode peer : rule.path("from")) {
                        assertFalse(peer.has("namespaceSelector") || peer.has("ipBlock"), what + " admits " + peer);
                        assertTrue(selects(peer.path("podSelector"), podLabels(gateway)), what + " admits " + peer);
                        for (ObjectNode other : ofKind(out, "Deployment")) {
                            if (other != gateway) {
                                assertFalse(selects(peer.path("podSelector"), podLabels(other)),
                                        what + " also admits " + name(other));
                            }
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everySecretAndConfigMapReferenceResolves(String overlay) {
        List<ObjectNode> out = Overlays.render(overlay);
        // Declared: Secrets in the output, the <cluster>-app Secrets CloudNativePG creates, and the
        // TLS Secrets cert-manager creates for annotated Ingresses.
        Map<String, Set<String>> secrets = new HashMap<>();
        for (ObjectNode s : ofKind(out, "Secret")) {
            Set<String> keys = new HashSet<>();
            s.path("data").fieldNames().forEachRemaining(keys::add);
            s.path("stringData").fieldNames().forEachRemaining(keys::add);
            secrets.put(name(s), keys);
        }
        for (ObjectNode c : ofKind(out, "Cluster")) {
            secrets.put(name(c) + "-app", Set.of("username", "password", "host", "port", "dbname", "uri",
                    "jdbc-uri", "pgpass"));
        }
        for (ObjectNode i : ofKind(out, "Ingress")) {
            if (i.path("metadata").path("annotations").has("cert-manager.io/cluster-issuer")) {
                for (JsonNode tls : i.path("spec").path("tls")) {
                    secrets.put(tls.path("secretName").asText(), Set.of("tls.crt", "tls.key"));
                }
            } else {
                assertTrue(i.path("spec").path("tls").isEmpty(), overlay + ": TLS secret without an issuer");
            }
        }
        Set<String> configMaps = names(ofKind(out, "ConfigMap"));
        int refs = 0;
        for (ObjectNode d : ofKind(out, "Deployment")) {
            String what = overlay + ": " + describe(d);
            for (JsonNode c : podSpec(d).path("containers")) {
                for (JsonNode e : c.path("env")) {
                    JsonNode sk = e.path("valueFrom").path("secretKeyRef");
                    if (!sk.isMissingNode()) {
                        refs++;
                        Set<String> keys = secrets.get(sk.path("name").asText());
                        assertNotNull(keys, what + ": Secret " + sk.path("name").asText() + " is not declared");
                        assertTrue(keys.contains(sk.path("key").asText()),
                                what + ": Secret " + sk.path("name").asText() + " has no key " + sk.path("key").asText());
                    }
                    JsonNode ck = e.path("valueFrom").path("configMapKeyRef");
                    if (!ck.isMissingNode()) {
                        assertTrue(configMaps.contains(ck.path("name").asText()), what + ": ConfigMap " + ck);
                    }
                }
                for (JsonNode from : c.path("envFrom")) {
                    if (from.has("configMapRef")) {
                        assertTrue(configMaps.contains(from.path("configMapRef").path("name").asText()),
                                what + ": ConfigMap " + from);
                    }
                    if (from.has("secretRef")) {
                        refs++;
                        assertTrue(secrets.containsKey(from.path("secretRef").path("name").asText()), what + ": " + from);
                    }
                }
            }
            for (JsonNode v : podSpec(d).path("volumes")) {
                if (v.has("secret")) {
                    refs++;
                    assertTrue(secrets.containsKey(v.path("secret").path("secretName").asText()), what + ": " + v);
                }
            }
        }
        assertTrue(refs >= 2 * APPS.size(), overlay + ": the apps should take their credentials from Secrets");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void appsAreWiredToTheirDatabaseKafkaAndEachOther(String overlay) {
        List<ObjectNode> out = Overlays.render(overlay);
        Pattern jdbc = Pattern.compile("jdbc:postgresql://([a-z0-9-]+):5432/([a-z0-9_]+)");
        Set<String> clustersUsed = new HashSet<>();
        for (String app : APPS) {
            ObjectNode d = named(out, "Deployment", app);
            Map<String, String> env = environment(out, podSpec(d).path("containers").get(0));
            String what = overlay + ": " + app;
            Matcher m = jdbc.matcher(env.getOrDefault("DB_URL", ""));
            assertTrue(m.matches(), what + ": DB_URL " + env.get("DB_URL"));
            assertTrue(m.group(1).endsWith("-rw"), what + ": DB_URL must name the primary (<cluster>-rw)");
            String clusterName = m.group(1).substring(0, m.group(1).length() - 3);
            ObjectNode cluster = named(out, "Cluster", clusterName);
            assertNotNull(cluster, what + ": no CloudNativePG Cluster " + clusterName);
            assertEquals("jjj_" + app, m.group(2), what + ": database name");
            assertEquals(m.group(2), cluster.path("spec").path("bootstrap").path("initdb").path("database").asText(),
                    what + ": the Cluster must create the database DB_URL names");
            assertEquals("secret:" + clusterName + "-app/username", env.get("DB_USER"), what);
            assertEquals("secret:" + clusterName + "-app/password", env.get("DB_PASSWORD"), what);
            assertTrue(clustersUsed.add(clusterName), what + ": every app owns its own Cluster");
            assertEquals("secret:jjj-secrets/JJJ_GATEWAY_TOKEN_SECRET", env.get("JJJ_GATEWAY_TOKEN_SECRET"), what);

            String bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
            List<ObjectNode> kafkas = ofKind(out, "Kafka");
            assertEquals(1, kafkas.size());
            JsonNode plain = null;
            for (JsonNode l : kafkas.get(0).path("spec").path("kafka").path("listeners")) {
                if (!l.path("tls").asBoolean() && l.path("type").asText().equals("internal")) {
                    plain = l;
                }
            }
            assertNotNull(plain, overlay + ": the Kafka needs an internal plain listener");
            assertEquals(name(kafkas.get(0)) + "-kafka-bootstrap:" + plain.path("port").asInt(), bootstrap,
                    what + ": KAFKA_BOOTSTRAP_SERVERS must be Strimzi's bootstrap Service");
        }
        assertEquals(names(ofKind(out, "Cluster")), clustersUsed, overlay + ": a Cluster nobody uses");

        Map<String, String> gw = environment(out, podSpec(named(out, "Deployment", "gateway")).path("containers").get(0));
        assertEquals("secret:jjj-secrets/JJJ_ADMIN_KEY", gw.get("JJJ_ADMIN_KEY"));
        for (String service : SERVICES) {
            ObjectNode svc = named(out, "Service", service);
            String url = "http://" + service + ":" + svc.path("spec").path("ports").get(0).path("port").asInt();
            assertEquals(url, gw.get("JJJ_" + service.toUpperCase() + "_URL"), overlay + ": gateway → " + service);
            Map<String, String> env = environment(out, podSpec(named(out, "Deployment", service)).path("containers").get(0));
            assertFalse(env.containsKey("JJJ_ADMIN_KEY"), overlay + ": only the gateway holds the admin key");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaPoolsAndTopicsAreConsistent(String overlay) {
        List<ObjectNode> out = Overlays.render(overlay);
        ObjectNode kafka = ofKind(out, "Kafka").get(0);
        String cluster = name(kafka);
        int brokers = 0;
        int controllers = 0;
        for (ObjectNode pool : ofKind(out, "KafkaNodePool")) {
            assertEquals(cluster, pool.path("metadata").path("labels").path("strimzi.io/cluster").asText(),
                    describe(pool) + " must belong to the Kafka");
            String roles = pool.path("spec").path("roles").toString();
            int replicas = pool.path("spec").path("replicas").asInt();
            brokers += roles.contains("broker") ? replicas : 0;
            controllers += roles.contains("controller") ? replicas : 0;
        }
        assertTrue(brokers >= 1 && controllers >= 1, overlay + ": brokers " + brokers + ", controllers " + controllers);
        assertEquals(1, controllers % 2, overlay + ": a KRaft quorum needs an odd number of controllers");
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        for (String rf : List.of("default.replication.factor", "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor")) {
            assertTrue(config.path(rf).asInt() <= brokers, overlay + ": " + rf + " exceeds the " + brokers + " brokers");
        }
        assertFalse(config.path("auto.create.topics.enable").asBoolean(true), "topics are declared, not auto-created");
        assertTrue(kafka.path("spec").path("entityOperator").has("topicOperator"), "KafkaTopics need the Topic Operator");

        Map<String, ObjectNode> topics = new HashMap<>();
        for (ObjectNode t : ofKind(out, "KafkaTopic")) {
            assertEquals(cluster, t.path("metadata").path("labels").path("strimzi.io/cluster").asText(), describe(t));
            topics.put(t.path("spec").path("topicName").asText(name(t)), t);
        }
        assertEquals(Set.copyOf(TOPICS), topics.keySet(), overlay + ": the event topics");
        int indicatorsMax = named(out, "HorizontalPodAutoscaler", "indicators").path("spec").path("maxReplicas").asInt();
        for (ObjectNode t : topics.values()) {
            String what = overlay + ": " + describe(t);
            int replicas = t.path("spec").path("replicas").asInt();
            int minIsr = t.path("spec").path("config").path("min.insync.replicas").asInt(1);
            assertTrue(replicas >= 1 && replicas <= brokers, what + ": replicas " + replicas + " for " + brokers + " brokers");
            assertTrue(minIsr <= replicas && (replicas == 1 || minIsr < replicas),
                    what + ": min.insync.replicas " + minIsr + " must leave one replica to lose");
        }
        // The indicators service consumes the projects and transport events: more consumers than
        // partitions would sit idle.
        for (String consumed : List.of("jjj.projects.v1", "jjj.transport.v1")) {
            assertTrue(topics.get(consumed).path("spec").path("partitions").asInt() >= indicatorsMax,
                    overlay + ": " + consumed + " needs at least as many partitions as indicators replicas (" + indicatorsMax + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theIngressLeadsToTheGateway(String overlay) {
        List<ObjectNode> out = Overlays.render(overlay);
        List<ObjectNode> ingresses = ofKind(out, "Ingress");
        assertEquals(1, ingresses.size());
        for (JsonNode rule : ingresses.get(0).path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                JsonNode backend = path.path("backend").path("service");
                assertEquals("gateway", backend.path("name").asText(), overlay + ": only the gateway is exposed");
                ObjectNode svc = named(out, "Service", "gateway");
                boolean port = false;
                for (JsonNode p : svc.path("spec").path("ports")) {
                    port |= p.path("name").asText().equals(backend.path("port").path("name").asText())
                            || p.path("port").asInt() == backend.path("port").path("number").asInt(-1);
                }
                assertTrue(port, overlay + ": the Ingress names a port the gateway Service lacks");
            }
        }
    }

    @Test
    void prodIsSizedForProduction() {
        List<ObjectNode> out = Overlays.render("prod");
        for (ObjectNode h : ofKind(out, "HorizontalPodAutoscaler")) {
            assertTrue(h.path("spec").path("minReplicas").asInt() >= 3, describe(h));
        }
        for (ObjectNode t : ofKind(out, "KafkaTopic")) {
            assertTrue(t.path("spec").path("replicas").asInt() >= 3, describe(t));
            assertTrue(t.path("spec").path("config").path("min.insync.replicas").asInt() >= 2, describe(t));
        }
        for (ObjectNode c : ofKind(out, "Cluster")) {
            assertTrue(c.path("spec").path("instances").asInt() >= 3, describe(c));
            assertEquals("required", c.path("spec").path("affinity").path("podAntiAffinityType").asText(),
                    describe(c) + ": instances on separate nodes");
        }
        for (ObjectNode d : ofKind(out, "Deployment")) {
            String image = podSpec(d).path("containers").get(0).path("image").asText();
            assertTrue(image.contains(".") && image.indexOf('.') < image.indexOf('/'), image + " should come from a registry");
            assertTrue(imageTag(image).matches("\\d+\\.\\d+\\.\\d+.*"), image + " should be a release tag");
        }
        ObjectNode ingress = ofKind(out, "Ingress").get(0);
        assertFalse(ingress.path("spec").path("tls").isEmpty(), "prod serves TLS");
        Set<String> tlsHosts = new HashSet<>();
        ingress.path("spec").path("tls").forEach(t -> t.path("hosts").forEach(h -> tlsHosts.add(h.asText())));
        ingress.path("spec").path("rules").forEach(r -> assertTrue(tlsHosts.contains(r.path("host").asText()),
                "host " + r.path("host") + " without TLS"));
    }

    @Test
    void devIsSmall() {
        List<ObjectNode> out = Overlays.render("dev");
        for (ObjectNode h : ofKind(out, "HorizontalPodAutoscaler")) {
            assertEquals(1, h.path("spec").path("minReplicas").asInt(), describe(h));
        }
        for (ObjectNode c : ofKind(out, "Cluster")) {
            assertEquals(1, c.path("spec").path("instances").asInt(), describe(c));
        }
        for (ObjectNode d : ofKind(out, "Deployment")) {
            assertTrue(podSpec(d).path("containers").get(0).path("image").asText().endsWith(":dev"), describe(d));
        }
    }

    @Test
    void theSchemaCheckCatchesTypicalMistakes() throws IOException {
        ObjectNode deployment = named(Overlays.render("dev"), "Deployment", "indicators").deepCopy();
        assertEquals(List.of(), Schemas.validate(deployment));

        ObjectNode typo = deployment.deepCopy();
        ((ObjectNode) podSpec(typo).path("containers").get(0)).set("readynessProbe",
                podSpec(typo).path("containers").get(0).path("readinessProbe"));
        assertFalse(Schemas.validate(typo).isEmpty(), "a misspelt field");

        ObjectNode wrongType = deployment.deepCopy();
        ((ObjectNode) podSpec(wrongType).path("containers").get(0).path("ports").get(0)).put("containerPort", "eighty");
        assertFalse(Schemas.validate(wrongType).isEmpty(), "a string where the schema wants an integer");

        ObjectNode cm = (ObjectNode) Yamls.YAML.readTree("{apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {PORT: 8081}}");
        assertFalse(Schemas.validate(cm).isEmpty(), "ConfigMap values must be strings");

        ObjectNode topic = (ObjectNode) Yamls.YAML.readTree(
                "{apiVersion: kafka.strimzi.io/v1, kind: KafkaTopic, metadata: {name: t}, spec: {partitions: 3, replica: 1}}");
        assertFalse(Schemas.validate(topic).isEmpty(), "Strimzi: unknown field");

        ObjectNode cluster = (ObjectNode) Yamls.YAML.readTree(
                "{apiVersion: postgresql.cnpg.io/v1, kind: Cluster, metadata: {name: c}, spec: {instances: 1, storage: {size: 1Gi}}}");
        assertEquals(List.of(), Schemas.validate(cluster));
        ((ObjectNode) cluster.path("spec")).put("instance", 2);
        assertFalse(Schemas.validate(cluster).isEmpty(), "CloudNativePG: unknown field");

        ObjectNode badName = (ObjectNode) Yamls.YAML.readTree("{apiVersion: v1, kind: Service, metadata: {name: Bad_Name}, spec: {}}");
        assertFalse(Schemas.validate(badName).isEmpty(), "names must be DNS names");

        ObjectNode unknownKind = (ObjectNode) Yamls.YAML.readTree("{apiVersion: v9, kind: Thing, metadata: {name: x}}");
        assertFalse(Schemas.validate(unknownKind).isEmpty(), "a kind without a schema is not silently accepted");
    }

    private static Set<String> names(List<ObjectNode> resources) {
        Set<String> names = new HashSet<>();
        resources.forEach(r -> names.add(name(r)));
        return names;
    }
}
