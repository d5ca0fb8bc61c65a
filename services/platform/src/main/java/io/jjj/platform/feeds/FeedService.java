package io.jjj.platform.feeds;

import io.quarkus.arc.properties.IfBuildProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The machinery behind every {@code POST /api/<service>/feeds/<kind>}: finds the {@link FeedHandler} bean of the kind,
 * streams the body row by row, validates each row, applies valid rows in chunks inside one transaction, and answers
 * with a report. Atomic mode writes nothing when any row is bad; partial mode writes the good rows. An
 * {@code Idempotency-Key} makes a retry return the first report without applying anything again.
 * <p>
 * A feed sent with {@code Prefer: respond-async}, or larger than the configured size, is written to a temporary
 * file as it arrives and answered {@code 202} with the {@code Location} of its run; the run is applied in the
 * background and its state, progress and report are kept in the database (see {@link FeedRuns}).
 */
@IfBuildProperty(name = "jjj.feeds.enabled", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class FeedService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TRANSACTION_TIMEOUT_SECONDS = 3600;

    private final AgroalDataSource dataSource;
    private final PlatformConfig config;
    private final FeedRuns runs;
    private final Instance<FeedHandler<?>> handlers;

    public FeedService(AgroalDataSource dataSource, PlatformConfig config, FeedRuns runs,
                       @Any Instance<FeedHandler<?>> handlers) {
        this.dataSource = dataSource;
        this.config = config;
        this.runs = runs;
        this.handlers = handlers;
    }

    /**
     * Answers a feed of one kind: {@code 200} with its report, or {@code 202} with the {@code Location} of its run
     * when the client prefers that or the body is large; {@code 404} when the service takes no feed of that kind.
     */
    public Response submit(String kind, InputStream body, FeedParameters parameters) {
        try (Instance.Handle<FeedHandler<?>> handler = handler(kind)) {
            FeedMode mode = FeedMode.parse(parameters.mode);
            FeedFormat format = FeedFormat.fromContentType(parameters.contentType);
            String key = normaliseKey(parameters.idempotencyKey);
            if (parameters.respondAsync(config.feeds().asyncAboveBytes())) {
                return submitAsync(kind, handler.get().name(), format, body, mode, key);
            }
            return Response.ok(ingest(handler.get(), format, body, mode, key)).build();
        }
    }

    private Instance.Handle<FeedHandler<?>> handler(String kind) {
        Instance<FeedHandler<?>> ofKind = handlers.select(new FeedKind.Literal(kind));
        if (ofKind.isUnsatisfied()) {
            throw ProblemException.notFound("This service takes no feed of kind '" + kind + "'");
        }
        return ofKind.getHandle();
    }

    /** Spools the body and hands it to a run, which applies it with a handler of its own. */
    private Response submitAsync(String kind, String feed, FeedFormat format, InputStream in, FeedMode mode, String key) {
        Spooled body = spool(in);
        boolean handedOver = false;
        try {
            if (key != null) {
                Optional<StoredRequest> earlier = findRequest(feed, key);
                if (earlier.isPresent()) {
                    requireSameBody(earlier.get().bodySha256(), body.sha256(), key);
                    return Response.ok(earlier.get().report().asReplay()).build();
                }
            }
            FeedRuns.Accepted accepted = runs.accept(feed, mode, key, body.sha256(), body.bytes(),
                    progress -> applySpooled(kind, format, body.file(), mode, key, progress));
            handedOver = accepted.created();
            if (!accepted.created()) {
                requireSameBody(accepted.bodySha256(), body.sha256(), key);
            }
            return Response.accepted(accepted.run()).header("Location", runs.location(accepted.run().id()))
                    .header("Retry-After", "1").build();
        } finally {
            if (!handedOver) {
                body.delete();
            }
        }
    }

    /** A feed body written to a temporary file, with its hash; the run deletes it when it ends. */
    private record Spooled(Path file, String sha256, long bytes) {
        void delete() {
            FeedService.delete(file);
        }
    }

    private static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Spooled spool(InputStream in) {
        Path file = null;
        try {
            file = Files.createTempFile("jjj-feed-", ".body");
            FeedBodyLimits body = new FeedBodyLimits(in, config.feeds().maxBytes(), true);
            long bytes;
            try (OutputStream out = Files.newOutputStream(file)) {
                bytes = body.transferTo(out);
            }
            return new Spooled(file, body.sha256(), bytes);
        } catch (FeedBodyLimits.TooLargeException e) {
            delete(file);
            throw tooManyBytes();
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        }
    }

    private FeedReport applySpooled(String kind, FeedFormat format, Path file, FeedMode mode, String key,
                                    AtomicLong progress) {
        try (Instance.Handle<FeedHandler<?>> handler = handler(kind); InputStream in = Files.newInputStream(file)) {
            FeedBodyLimits body = new FeedBodyLimits(in, config.feeds().maxBytes(), key != null);
            return QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS)
                    .call(() -> run(handler.get(), format, body, mode, key, progress));
        } catch (QuarkusTransactionException e) {
            throw unwrap(e, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
    }

    private FeedReport ingest(FeedHandler<?> handler, FeedFormat format, InputStream in, FeedMode mode, String key) {
        FeedBodyLimits body = new FeedBodyLimits(in, config.feeds().maxBytes(), key != null);
        try {
            if (key != null) {
                Optional<StoredRequest> earlier = findRequest(handler.name(), key);
                if (earlier.isPresent()) {
                    return replay(earlier.get(), body, key);
                }
            }
            return QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS)
                    .call(() -> run(handler, format, body, mode, key, new AtomicLong()));
        } catch (QuarkusTransactionException e) {
            throw unwrap(e, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <R> FeedReport run(FeedHandler<R> handler, FeedFormat format, FeedBodyLimits body, FeedMode mode, String key,
                               AtomicLong progress) throws IOException, SQLException {
        FeedRowReader reader = FeedRowReader.of(format, new InputStreamReader(body, StandardCharsets.UTF_8),
                handler.requiredColumns(), handler.optionalColumns(), config.feeds());
        FeedCounts counts = new FeedCounts();
        RejectedRows rejected = new RejectedRows(config.feeds().maxReportedErrors());
        List<R> chunk = new ArrayList<>(config.feeds().chunkSize());
        long received = 0;
        FeedRow row;
        while ((row = next(reader, handler)) != null) {
            received++;
            progress.set(received);
            if (received > config.feeds().maxRows()) {
                throw ProblemException.tooLarge("The feed has more than the limit of " + config.feeds().maxRows() + " rows");
            }
            Parsed<R> parsed = row.valid() ? handler.parse(row) : Parsed.refused();
            if (!(parsed instanceof Parsed.Valid<R> valid)) {
                rejected.add(row);
            } else if (mode == FeedMode.PARTIAL || !rejected.any()) {
                chunk.add(valid.value());
                if (chunk.size() >= config.feeds().chunkSize()) {
                    handler.apply(chunk, counts);
                    chunk.clear();
                }
            }
            if (row.endsBody()) {
                break;
            }
        }
        if (mode == FeedMode.ATOMIC && rejected.any()) {
            QuarkusTransaction.setRollbackOnly();
            throw ProblemException.unprocessable(rejected.count() + " of " + received + " rows are invalid; nothing was "
                            + "written (send with mode=partial to apply the valid rows)", rejected.errors())
                    .with("report", FeedReport.refused(handler.name(), mode, received, rejected));
        }
        if (!chunk.isEmpty()) {
            handler.apply(chunk, counts);
        }
        handler.finish(counts);
        FeedReport report = FeedReport.applied(handler.name(), mode, received, counts, rejected);
        if (key != null) {
            storeRequest(handler.name(), key, body.drainAndHash(), report);
        }
        return report;
    }

    /** The next row of the body, or null at its end. */
    private FeedRow next(FeedRowReader reader, FeedHandler<?> handler) throws IOException {
        try {
            return reader.next();
        } catch (FeedRowReader.BadColumnsException e) {
            throw ProblemException.unprocessable("The feed's columns do not match the " + handler.name() + " feed", e.errors);
        } catch (FeedBodyLimits.TooLargeException e) {
            throw tooManyBytes();
        }
    }

    private ProblemException tooManyBytes() {
        return ProblemException.tooLarge("The feed is larger than the limit of " + config.feeds().maxBytes() + " bytes");
    }

    private FeedReport replay(StoredRequest earlier, FeedBodyLimits body, String key) throws IOException {
        String hash;
        try {
            hash = body.drainAndHash();
        } catch (FeedBodyLimits.TooLargeException e) {
            hash = "";
        }
        requireSameBody(earlier.bodySha256(), hash, key);
        return earlier.report().asReplay();
    }

    private static void requireSameBody(String earlierSha256, String sha256, String key) {
        if (!sha256.equals(earlierSha256)) {
            throw ProblemException.unprocessable("Idempotency-Key '" + key + "' was used before with a different body; "
                    + "use a new key for a new feed", List.of(FieldError.field("Idempotency-Key", "reused with another body")));
        }
    }

    private record StoredRequest(String bodySha256, FeedReport report) {
    }

    private Optional<StoredRequest> findRequest(String feed, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT body_sha256, report FROM feed_request WHERE feed = ? AND idempotency_key = ?")) {
            s.setString(1, feed);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredRequest(rs.getString(1), JSON.readValue(rs.getString(2), FeedReport.class)));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read stored feed requests", e);
        }
    }

    private void storeRequest(String feed, String key, String sha256, FeedReport report) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO feed_request (feed, idempotency_key, body_sha256, report) VALUES (?, ?, ?, ?)")) {
            s.setString(1, feed);
            s.setString(2, key);
            s.setString(3, sha256);
            s.setString(4, JSON.writeValueAsString(report));
            s.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normaliseKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String k = key.trim();
        if (k.length() > 200) {
            throw ProblemException.badRequest("Idempotency-Key is longer than 200 characters",
                    FieldError.field("Idempotency-Key", "at most 200 characters"));
        }
        return k;
    }

    private static RuntimeException unwrap(QuarkusTransactionException e, String key) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
            if (t instanceof FeedBodyLimits.TooLargeException) {
                return ProblemException.tooLarge("The feed is larger than the limit: " + t.getMessage());
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState()) && key != null
                    && String.valueOf(sql.getMessage()).contains("feed_request")) {
                return ProblemException.conflict("Another request with Idempotency-Key '" + key
                        + "' was being processed at the same time; retry to get its report");
            }
        }
        return e;
    }
}
