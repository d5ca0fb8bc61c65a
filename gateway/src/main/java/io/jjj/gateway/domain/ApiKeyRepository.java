package io.jjj.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys in the gateway's database. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    private static final String ACTIVE = "revokedAt is null";

    public Optional<ApiKey> findActive(UUID id) {
        return find("id = ?1 and " + ACTIVE, id).firstResultOptional();
    }

    public Optional<ApiKey> findActiveByHash(String secretHash) {
        return find("secretHash = ?1 and " + ACTIVE, secretHash).firstResultOptional();
    }

    public Optional<ApiKey> findActiveByName(String name) {
        return find("name = ?1 and " + ACTIVE, name).firstResultOptional();
    }

    public List<ApiKey> listActive(int page, int size) {
        return find(ACTIVE, Sort.by("createdAt").and("id")).page(Page.of(page, size)).list();
    }

    public long countActive() {
        return count(ACTIVE);
    }
}
