package io.jjj.projects.domain;

import io.jjj.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project row as the registry stores it; only the domain sees it, everything outside speaks {@link Project}.
 * Its {@code version} is the optimistic lock behind the ETag.
 */
@Entity
@Table(name = "project")
public class ProjectEntity extends VersionedEntity {

    @Id
    public String id;
    public String ref;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "name_zh")
    public String nameZh;
    public String kind;
    public String sector;
    public String chain;
    public String origin;
    public String destination;
    public String[] organisations;
    @Column(name = "investment_amount")
    public BigDecimal investmentAmount;
    @Column(name = "investment_currency")
    public String investmentCurrency;
    @Column(name = "investment_basis")
    public String investmentBasis;
    @Column(name = "investment_cny_100m")
    public BigDecimal investmentCny100m;
    public Long jobs;
    @Column(name = "area_km2")
    public BigDecimal areaKm2;
    public double lon;
    public double lat;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String metrics;
    public LocalDate signed;
    @Column(name = "signed_year")
    public Integer signedYear;
    @Column(name = "construction_start")
    public LocalDate constructionStart;
    public LocalDate operational;
    public String status;
    @Column(name = "status_since")
    public LocalDate statusSince;
    @Column(name = "suspended_from")
    public String suspendedFrom;
    public String[] sources;
    @Column(name = "search_text")
    public String searchText;

    /** A new row for {@code p}, whose id is already assigned. */
    static ProjectEntity of(Project p) {
        ProjectEntity e = new ProjectEntity();
        e.id = p.id();
        e.assign(p);
        return e;
    }

    /** Takes every attribute of {@code p}; the id stays and the version moves only when the row is written. */
    void assign(Project p) {
        ref = p.ref();
        nameEn = p.nameEn();
        nameZh = p.nameZh();
        kind = p.kind();
        sector = p.sector();
        chain = p.chain();
        origin = p.origin();
        destination = p.destination();
        organisations = p.organisations().toArray(String[]::new);
        Project.ProjectInvestment inv = p.investment();
        investmentAmount = inv == null ? null : inv.amount();
        investmentCurrency = inv == null ? null : inv.currency();
        investmentBasis = inv == null ? null : inv.basis();
        investmentCny100m = p.investmentCny100m();
        jobs = p.jobs();
        areaKm2 = p.areaKm2();
        lon = p.location().lon();
        lat = p.location().lat();
        metrics = ProjectJson.write(p.metrics());
        signed = p.signed();
        signedYear = p.signedYear();
        constructionStart = p.constructionStart();
        operational = p.operational();
        status = p.status();
        statusSince = p.statusSince();
        suspendedFrom = p.suspendedFrom();
        sources = p.sources().toArray(String[]::new);
        searchText = SearchText.of(p);
    }

    Project toProject() {
        Project.ProjectInvestment investment = investmentAmount == null && investmentCurrency == null ? null
                : new Project.ProjectInvestment(investmentAmount, investmentCurrency, investmentBasis);
        return new Project(id, ref, nameEn, nameZh, kind, sector, chain, origin, destination, list(organisations),
                investment, investmentCny100m, jobs, areaKm2, new Project.ProjectLocation(lon, lat),
                ProjectJson.readMap(metrics), signed, signedYear, constructionStart, operational, status, statusSince,
                suspendedFrom, list(sources), version);
    }

    /**
     * The row as a history snapshot: keyed by column, as {@code jsonb_populate_record(NULL::project, state)} reads
     * it back for {@code asOf}. The generated {@code search} column is left out; {@code search_text} stays for it.
     */
    Map<String, Object> snapshot() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", id);
        state.put("ref", ref);
        state.put("name_en", nameEn);
        state.put("name_zh", nameZh);
        state.put("kind", kind);
        state.put("sector", sector);
        state.put("chain", chain);
        state.put("origin", origin);
        state.put("destination", destination);
        state.put("organisations", list(organisations));
        state.put("investment_amount", investmentAmount);
        state.put("investment_currency", investmentCurrency);
        state.put("investment_basis", investmentBasis);
        state.put("investment_cny_100m", investmentCny100m);
        state.put("jobs", jobs);
        state.put("area_km2", areaKm2);
        state.put("lon", lon);
        state.put("lat", lat);
        state.put("metrics", ProjectJson.readTree(metrics));
        state.put("signed", text(signed));
        state.put("signed_year", signedYear);
        state.put("construction_start", text(constructionStart));
        state.put("operational", text(operational));
        state.put("status", status);
        state.put("status_since", text(statusSince));
        state.put("suspended_from", suspendedFrom);
        state.put("sources", list(sources));
        state.put("search_text", searchText);
        state.put("version", version);
        state.put("updated_at", updatedAt == null ? null : updatedAt.toString());
        return state;
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
