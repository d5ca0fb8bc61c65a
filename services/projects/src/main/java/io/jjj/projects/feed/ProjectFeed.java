package io.jjj.projects.feed;

import io.jjj.platform.feeds.FeedCounts;
import io.jjj.platform.feeds.FeedHandler;
import io.jjj.platform.feeds.FeedKind;
import io.jjj.platform.feeds.FeedRow;
import io.jjj.platform.feeds.Parsed;
import io.jjj.platform.problem.FieldError;
import io.jjj.projects.domain.Lifecycle;
import io.jjj.projects.domain.Project;
import io.jjj.projects.domain.ProjectDraft;
import io.jjj.projects.domain.ProjectRepository;
import io.jjj.projects.domain.ProjectRules;
import io.jjj.projects.domain.ProjectService;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The projects feed: rows in the columns of {@code projects.csv}, upserted by {@code ref}. A blank cell states
 * nothing, so a row updates only what it gives; lists ({@code organisations}, {@code source}) are separated by
 * {@code ;}; {@code investment_cny_100m} is an amount in CNY, {@code investment_amount} with
 * {@code investment_currency} one in another currency.
 */
@ApplicationScoped
@FeedKind("projects")
public class ProjectFeed implements FeedHandler<ProjectFeed.Row> {

    /** A valid row: its line and the project it states. */
    public record Row(long line, Project candidate) {
    }

    private static final Map<String, String> COLUMN_OF_FIELD = Map.ofEntries(
            Map.entry("nameEn", "name_en"), Map.entry("nameZh", "name_zh"), Map.entry("areaKm2", "area_km2"),
            Map.entry("constructionStart", "construction_start"), Map.entry("location.lon", "lon"),
            Map.entry("location.lat", "lat"), Map.entry("investment.currency", "investment_currency"),
            Map.entry("investment.basis", "investment_basis"), Map.entry("sources", "source"));

    private final ProjectRules rules;
    private final ProjectRepository repository;
    private final ProjectService service;

    public ProjectFeed(ProjectRules rules, ProjectRepository repository, ProjectService service) {
        this.rules = rules;
        this.repository = repository;
        this.service = service;
    }

    @Override
    public String name() {
        return "projects";
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of("ref", "name_en", "kind", "destination");
    }

    @Override
    public Set<String> optionalColumns() {
        return Set.of("name_zh", "sector", "chain", "origin", "organisations", "status", "signed", "construction_start",
                "operational", "investment_cny_100m", "investment_amount", "investment_currency", "investment_basis",
                "jobs", "area_km2", "lon", "lat", "metrics", "source");
    }

    @Override
    public Parsed<Row> parse(FeedRow row) {
        List<FieldError> cellErrors = new ArrayList<>();
        ProjectDraft stated = new ProjectDraft(row.text("ref").orElse(null), row.text("name_en").orElse(null),
                row.text("name_zh").orElse(null), row.text("kind").orElse(null), row.text("sector").orElse(null),
                row.text("chain").orElse(null), row.text("origin").orElse(null), row.text("destination").orElse(null),
                list(row, "organisations"), investment(row), row.whole("jobs").orElse(null), row.decimal("area_km2").orElse(null),
                location(row), row.text("metrics").map(m -> ProjectRules.parseMetrics(m, "metrics", cellErrors)).orElse(null),
                row.text("signed").orElse(null), row.text("construction_start").orElse(null),
                row.text("operational").orElse(null), row.text("status").orElse(null), list(row, "source"));
        cellErrors.forEach(e -> row.error(e.field(), e.message()));
        if (!row.valid()) {
            return Parsed.refused();
        }
        Optional<Project> current = Optional.ofNullable(stated.ref()).flatMap(repository::findByRef);
        ProjectDraft merged = current.map(c -> mergeOver(stated, service.editable(c))).orElse(stated);
        ProjectRules.Outcome outcome = rules.check(merged);
        outcome.errors().forEach(e -> row.error(column(e.field(), row), e.message()));
        if (!row.valid()) {
            return Parsed.refused();
        }
        Project candidate = outcome.project();
        if (current.isPresent() && !candidate.status().equals(current.get().status())
                && !Lifecycle.allows(current.get().status(), current.get().suspendedFrom(), candidate.status())) {
            row.error("status", ProjectService.lifecycleConflict(current.get(), candidate.status()).getMessage());
            return Parsed.refused();
        }
        return Parsed.valid(new Row(row.line(), candidate));
    }

    @Override
    public void apply(List<Row> rows, FeedCounts counts) {
        for (Row row : rows) {
            ProjectService.Written written = service.upsertFromFeed(row.candidate());
            switch (written.outcome()) {
                case INSERTED -> counts.inserted();
                case UPDATED -> counts.updated();
                case UNCHANGED -> counts.unchanged();
            }
            counts.events(written.events());
        }
    }

    private static ProjectDraft mergeOver(ProjectDraft row, ProjectDraft base) {
        return new ProjectDraft(row.ref(), or(row.nameEn(), base.nameEn()), or(row.nameZh(), base.nameZh()),
                or(row.kind(), base.kind()), or(row.sector(), base.sector()), or(row.chain(), base.chain()),
                or(row.origin(), base.origin()), or(row.destination(), base.destination()),
                or(row.organisations(), base.organisations()), or(row.investment(), base.investment()),
                or(row.jobs(), base.jobs()), or(row.areaKm2(), base.areaKm2()), or(row.location(), base.location()),
                or(row.metrics(), base.metrics()), or(row.signed(), base.signed()),
                or(row.constructionStart(), base.constructionStart()), or(row.operational(), base.operational()),
                or(row.status(), base.status()), or(row.sources(), base.sources()));
    }

    private static <T> T or(T stated, T existing) {
        return stated != null ? stated : existing;
    }

    private static Project.ProjectInvestment investment(FeedRow row) {
        Optional<BigDecimal> cny = row.decimal("investment_cny_100m");
        Optional<BigDecimal> amount = row.decimal("investment_amount");
        Optional<String> currency = row.text("investment_currency");
        Optional<String> basis = row.text("investment_basis");
        if (cny.isPresent() && (amount.isPresent() || currency.isPresent())) {
            row.error("investment_cny_100m", "give either investment_cny_100m or investment_amount with investment_currency, not both");
            return null;
        }
        if (cny.isPresent()) {
            return new Project.ProjectInvestment(cny.get(), "CNY", basis.orElse(null));
        }
        if (amount.isEmpty() && currency.isEmpty() && basis.isEmpty()) {
            return null;
        }
        return new Project.ProjectInvestment(amount.orElse(null), currency.orElse(null), basis.orElse(null));
    }

    private static Project.ProjectLocation location(FeedRow row) {
        Optional<BigDecimal> lon = row.decimal("lon");
        Optional<BigDecimal> lat = row.decimal("lat");
        if (lon.isPresent() != lat.isPresent()) {
            row.error(lon.isPresent() ? "lat" : "lon", "lon and lat go together");
            return null;
        }
        return lon.map(x -> new Project.ProjectLocation(x.doubleValue(), lat.get().doubleValue())).orElse(null);
    }

    private static List<String> list(FeedRow row, String column) {
        return row.text(column).map(v -> Arrays.stream(v.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(null);
    }

    private static String column(String field, FeedRow row) {
        if (field == null) {
            return null;
        }
        if (field.startsWith("metrics")) {
            return "metrics";
        }
        if (field.equals("investment.amount")) {
            return row.text("investment_cny_100m").isPresent() ? "investment_cny_100m" : "investment_amount";
        }
        return COLUMN_OF_FIELD.getOrDefault(field, field);
    }
}
