import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SSE fan-out: SUBSCRIBERS clients on GET /api/events, EVENTS CloudEvents produced to jjj.projects.v1 (acks=all);
 * latency of every delivery from the moment the producer's send was acknowledged (the event is committed in Kafka)
 * and from the moment send was called.
 * Usage: java -cp <kafka-clients and deps> SseBench.java http://127.0.0.1:18080 127.0.0.1:19092 [subscribers] [events]
 */
public class SseBench {

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String bootstrap = args[1];
        int subscribers = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int events = args.length > 3 ? Integer.parseInt(args[3]) : 20;

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> ackedAt = new ConcurrentHashMap<>();
        List<long[]> deliveries = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(subscribers * events);
        AtomicInteger open = new AtomicInteger();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < subscribers; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/events?types=jjj.projects.")).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                public void onSubscribe(Flow.Subscription s) {
                    open.incrementAndGet();
                    s.request(Long.MAX_VALUE);
                }

                public void onNext(String line) {
                    if (line.startsWith("id:")) {
                        long now = System.nanoTime();
                        String id = line.substring(3).trim();
                        Long sent = sentAt.get(id);
                        Long acked = ackedAt.get(id);
                        if (sent != null) {
                            deliveries.add(new long[] {now - sent, acked == null ? 0 : now - acked});
                            all.countDown();
                        }
                    }
                }

                public void onError(Throwable t) {
                    System.err.println("subscriber failed: " + t);
                }

                public void onComplete() {
                }
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (open.get() < subscribers && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        System.out.println("subscribers connected: " + open.get());
        Thread.sleep(2000);

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int e = 0; e < events; e++) {
                String id = UUID.randomUUID().toString();
                String json = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/jjj/projects\","
                        + "\"type\":\"jjj.projects.project.updated.v1\",\"subject\":\"P-000001\",\"time\":\"2026-01-01T00:00:00Z\","
                        + "\"datacontenttype\":\"application/json\",\"data\":{\"id\":\"P-000001\",\"destination\":\"120115\"}}";
                sentAt.put(id, System.nanoTime());
                producer.send(new ProducerRecord<>("jjj.projects.v1", "P-000001", json), (m, ex) -> ackedAt.put(id, System.nanoTime()));
                Thread.sleep(500);
            }
        }
        boolean complete = all.await(60, TimeUnit.SECONDS);
        List<Long> fromSend = new ArrayList<>();
        List<Long> fromAck = new ArrayList<>();
        synchronized (deliveries) {
            for (long[] d : deliveries) {
                fromSend.add(d[0]);
                fromAck.add(d[1]);
            }
        }
        Collections.sort(fromSend);
        Collections.sort(fromAck);
        System.out.printf("deliveries: %d of %d%s%n", fromSend.size(), (long) subscribers * events, complete ? "" : " (timed out)");
        System.out.printf("from send:  p50 %.1f ms  p99 %.1f ms  max %.1f ms%n", ms(fromSend, 0.50), ms(fromSend, 0.99), ms(fromSend, 1.0));
        System.out.printf("from ack:   p50 %.1f ms  p99 %.1f ms  max %.1f ms%n", ms(fromAck, 0.50), ms(fromAck, 0.99), ms(fromAck, 1.0));
        System.exit(0);
    }

    private static double ms(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1e6;
    }
}
