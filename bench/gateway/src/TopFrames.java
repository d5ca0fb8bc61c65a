import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The top frames of a JFR recording's execution samples on the Vert.x event loops: by self time (the sampled frame)
 * and inclusive (any frame of the stack), the latter for the gateway's own code and the costs the fast path removes.
 * Usage: {@code TopFrames <recording.jfr> <rows>}
 */
public class TopFrames {

    public static void main(String[] args) throws Exception {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int total = 0;
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedThread thread = event.getThread("sampledThread");
                RecordedStackTrace stack = event.getStackTrace();
                if (thread == null || thread.getJavaName() == null || !thread.getJavaName().startsWith("vert.x-eventloop")
                        || stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                total++;
                self.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : stack.getFrames()) {
                    String name = name(frame);
                    if (seen.add(name) && watched(name)) {
                        inclusive.merge(name, 1, Integer::sum);
                    }
                }
            }
        }
        int rows = Integer.parseInt(args[1]);
        System.out.println("execution samples on the event loops: " + total);
        print("self", self, total, rows);
        print("inclusive: the gateway's code and the costs the fast path removes", inclusive, total, rows);
    }

    private static boolean watched(String name) {
        return name.startsWith("io.jjj.") && !name.contains("$$Lambda") && !name.contains("_ClientProxy")
                || name.contains("micrometer") || name.contains("UUID.randomUUID") || name.startsWith("java.util.regex.Pattern.")
                || name.startsWith("io.vertx.core.streams.impl.PipeImpl.") || name.startsWith("com.fasterxml.jackson.databind.ObjectMapper.")
                || name.startsWith("javax.crypto.Mac.") || name.startsWith("io.vertx.core.impl.ContextImpl.emit");
    }

    private static void print(String title, Map<String, Integer> counts, int total, int rows) {
        System.out.println("-- " + title);
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(rows)
                .forEach(e -> System.out.printf(Locale.ROOT, "%5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
