package io.jjj.gateway.domain;

import io.jjj.gateway.config.GatewayConfig;
import io.jjj.platform.http.ConditionalWrites;
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
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Creates, lists and revokes API keys, and recognises a presented secret. */
@ApplicationScoped
@Transactional
public class ApiKeyService {

    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);
    private static final String ADMIN_KEY_NAME = "admin";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** A new key with the secret, which is never shown again. */
    public record CreatedKey(ApiKeyView key, String secret) {
    }

    private final ApiKeyRepository repository;
    private final ApiKeyCache cache;
    private final GatewayConfig config;

    public ApiKeyService(ApiKeyRepository repository, ApiKeyCache cache, GatewayConfig config) {
        this.repository = repository;
        this.cache = cache;
        this.config = config;
    }

    void ensureAdminKey(@Observes StartupEvent start) {
        config.keys().adminKey().filter(k -> !k.isBlank()).ifPresent(this::ensureAdminKey);
    }

    /** Stores the admin key's hash, replacing the previous admin secret when it changed. */
    public void ensureAdminKey(String secret) {
        String hash = KeySecrets.hash(secret);
        Optional<ApiKey> existing = repository.findActiveByName(ADMIN_KEY_NAME);
        if (existing.isEmpty()) {
            repository.persist(newKey(ADMIN_KEY_NAME, List.of(Scopes.ADMIN), hash));
            LOG.info("Stored the admin API key");
        } else if (!existing.get().secretHash.equals(hash)) {
            existing.get().secretHash = hash;
            existing.get().scopes = List.of(Scopes.ADMIN);
            LOG.info("Replaced the admin API key");
        }
        cache.clear();
    }

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
        ApiKey key = newKey(name, List.copyOf(new LinkedHashSet<>(scopes)), KeySecrets.hash(secret));
        repository.persistAndFlush(key);
        return new CreatedKey(key.view(), secret);
    }

    public Page<ApiKeyView> list(PageRequest page) {
        List<ApiKeyView> keys = repository.listActive(page.page(), page.size()).stream().map(ApiKey::view).toList();
        return Page.of(keys, page, repository.countActive());
    }

    public ApiKeyView get(UUID id) {
        return active(id).view();
    }

    public void revoke(UUID id, String ifMatch) {
        ApiKey key = active(id);
        ConditionalWrites.requireMatch(ifMatch, key.version, "API key " + id);
        key.revokedAt = now();
        repository.flush();
        cache.forget(id);
    }

    /** Looks the secret up in the database (blocking) and remembers the answer briefly. */
    public Optional<ApiKeyView> authenticate(String secret) {
        String hash = KeySecrets.hash(secret);
        Optional<ApiKeyView> key = repository.findActiveByHash(hash).map(ApiKey::view);
        cache.remember(hash, key);
        return key;
    }

    private ApiKey active(UUID id) {
        return repository.findActive(id).orElseThrow(() -> ProblemException.notFound("No active API key " + id));
    }

    private static ApiKey newKey(String name, List<String> scopes, String secretHash) {
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.name = name;
        key.scopes = scopes;
        key.secretHash = secretHash;
        key.createdAt = now();
        return key;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
