package io.jjj.gateway.domain;

import io.jjj.gateway.config.GatewayConfig;
import io.jjj.platform.paging.Page;
import io.jjj.platform.paging.PageRequest;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.ProblemException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Creates, lists and revokes API keys, and recognises a presented secret (cached briefly). */
@ApplicationScoped
public class ApiKeyService {

    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);
    private static final String ADMIN_KEY_NAME = "admin";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** A new key with the secret, which is never shown again. */
    public record CreatedKey(ApiKey key, String secret) {
    }

    private record Cached(Optional<ApiKey> key, Instant expires) {
    }

    private final ApiKeyRepository repository;
    private final GatewayConfig config;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ApiKeyService(ApiKeyRepository repository, GatewayConfig config) {
        this.repository = repository;
        this.config = config;
    }

    void ensureAdminKey(@Observes StartupEvent start) {
        config.keys().adminKey().filter(k -> !k.isBlank()).ifPresent(this::ensureAdminKey);
    }

    /** Stores the admin key's hash, replacing the previous admin secret when it changed. */
    @Transactional
    public void ensureAdminKey(String secret) {
        String hash = KeySecrets.hash(secret);
        Optional<ApiKey> existing = repository.findActiveByName(ADMIN_KEY_NAME);
        if (existing.isEmpty()) {
            repository.insert(new ApiKey(UUID.randomUUID(), ADMIN_KEY_NAME, List.of(Scopes.ADMIN), now(), null), hash);
            LOG.info("Stored the admin API key");
        } else if (repository.findActiveByHash(hash).isEmpty()) {
            repository.replaceSecret(existing.get().id(), hash, List.of(Scopes.ADMIN));
            LOG.info("Replaced the admin API key");
        }
        cache.clear();
    }

    @Transactional
    public CreatedKey create(String name, List<String> scopes) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(FieldError.field("name", "1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        if (scopes == null || scopes.isEmpty()) {
            errors.add(FieldError.field("scopes", "at least one of " + Scopes.ALL));
        } else {
            scopes.stream().filter(s -> s == null || !Scopes.isKnown(s)).forEach(s ->
                    errors.add(FieldError.field("scopes", "unknown scope '" + s + "'; known: " + Scopes.ALL)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The key cannot be created as requested", errors);
        }
        if (repository.findActiveByName(name).isPresent()) {
            throw ProblemException.conflict("An active key named '" + name + "' exists; revoke it first or choose another name");
        }
        String secret = KeySecrets.generate();
        ApiKey key = new ApiKey(UUID.randomUUID(), name, List.copyOf(new LinkedHashSet<>(scopes)), now(), null);
        repository.insert(key, KeySecrets.hash(secret));
        return new CreatedKey(key, secret);
    }

    public Page<ApiKey> list(PageRequest page) {
        return Page.of(repository.listActive((int) page.offset(), page.size()), page, repository.countActive());
    }

    public ApiKey get(UUID id) {
        return repository.findById(id).filter(ApiKey::active)
                .orElseThrow(() -> ProblemException.notFound("No active API key " + id));
    }

    @Transactional
    public void revoke(UUID id) {
        if (!repository.revoke(id)) {
            throw ProblemException.notFound("No active API key " + id);
        }
        cache.values().removeIf(c -> c.key().map(k -> k.id().equals(id)).orElse(false));
    }

    /** The key for a presented secret when the answer is cached; empty when the database must be asked. */
    public Optional<Optional<ApiKey>> cached(String secret) {
        Cached c = cache.get(KeySecrets.hash(secret));
        return c != null && c.expires().isAfter(Instant.now()) ? Optional.of(c.key()) : Optional.empty();
    }

    /** Looks the secret up in the database (blocking) and caches the answer. */
    public Optional<ApiKey> authenticate(String secret) {
        String hash = KeySecrets.hash(secret);
        Optional<ApiKey> key = repository.findActiveByHash(hash);
        if (cache.size() > 100_000) {
            cache.clear();
        }
        cache.put(hash, new Cached(key, Instant.now().plus(config.keys().cacheTtl())));
        return key;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
