package io.jjj.indicators.domain;

import io.jjj.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the sources observations cite. Only the domain sees it; everything else speaks {@link Source}. */
@Entity
@Table(name = "source")
public class SourceEntity extends VersionedEntity {

    @Id
    public String id;
    @Column(nullable = false)
    public String citation;

    Source toSource() {
        return new Source(id, citation, version);
    }
}
