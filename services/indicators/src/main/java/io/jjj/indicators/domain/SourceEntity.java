package io.jjj.indicators.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A row of the sources observations cite. Only the domain sees it; everything else speaks {@link Source}. */
@Entity
@Table(name = "source")
public class SourceEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(nullable = false)
    public String citation;
    /** The first stored version is 1, as the rows the migrations insert. */
    @Version
    @Column(nullable = false)
    public int version = 1;

    Source toSource() {
        return new Source(id, citation, version);
    }
}
