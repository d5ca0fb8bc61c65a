package io.jjj.projects.domain;

import io.jjj.platform.input.Dates;
import io.jjj.platform.input.Numbers;
import io.jjj.platform.input.TextLimits;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.regions.Regions;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns a draft into a valid project, or lists everything wrong with it by field. */
@ApplicationScoped
public class ProjectRules {

    public static final List<String> KINDS = List.of("relocation", "industrial-transfer", "market-relocation",
            "science-park", "public-service", "cooperation-zone", "infrastructure", "signing-batch");

    /** Kinds that move something from one place to another, so origin and destination must differ. */
    public static final Set<String> TWO_PLACE_KINDS = Set.of("relocation", "industrial-transfer", "market-relocation");

    public static final List<String> BASES = List.of("pledged", "realised");

    /** Project dates lie in the years of the platform's calendar. */
    public static final int MIN_YEAR = Dates.MIN.getYear();
    public static final int MAX_YEAR = Dates.MAX.getYear();

    /** Upper bounds that keep every figure far inside what PostgreSQL's numeric and jsonb can hold. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");
    static final BigDecimal MAX_AREA = new BigDecimal("1000000");
    static final BigDecimal MAX_METRIC = new BigDecimal("1E15");
    static final long MAX_JOBS = 1_000_000_000L;

    private static final Pattern METRIC_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");
    private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    /** A validated project without identity, or the errors that stop it. */
    public record Outcome(Project project, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final Regions regions;
    private final TextLimits limits;

    public ProjectRules(Regions regions, TextLimits limits) {
        this.regions = regions;
        this.limits = limits;
    }

    public Outcome check(ProjectDraft d) {
        List<FieldError> errors = new ArrayList<>();
        String ref = text(d.ref());
        if (ref == null) {
            errors.add(FieldError.field("ref", "required"));
        } else if (ref.length() > 200) {
            errors.add(FieldError.field("ref", "at most 200 characters"));
        }
        String nameEn = text(d.nameEn());
        if (nameEn == null) {
            errors.add(FieldError.field("nameEn", "required"));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("nameEn", d.nameEn());
        texts.put("nameZh", d.nameZh());
        texts.put("sector", d.sector());
        texts.put("chain", d.chain());
        texts.forEach((field, value) -> limits.name(value).ifPresent(why -> errors.add(FieldError.field(field, why))));
        if (d.organisations() != null) {
            d.organisations().forEach(o -> limits.name(o).ifPresent(why -> errors.add(FieldError.field("organisations", why))));
        }
        String kind = text(d.kind());
        if (kind == null) {
            errors.add(FieldError.field("kind", "required"));
        } else if (!KINDS.contains(kind)) {
            errors.add(FieldError.field("kind", "unknown kind '" + kind + "'; one of " + String.join(", ", KINDS)));
        }
        String origin = text(d.origin());
        String destination = text(d.destination());
        if (origin != null && !regions.isKnown(origin)) {
            errors.add(FieldError.field("origin", "unknown region or region group '" + origin + "'"));
        }
        if (destination == null) {
            errors.add(FieldError.field("destination", "required"));
        } else if (!regions.isKnown(destination)) {
            errors.add(FieldError.field("destination", "unknown region or region group '" + destination + "'"));
        }
        if (kind != null && TWO_PLACE_KINDS.contains(kind)) {
            if (origin == null) {
                errors.add(FieldError.field("origin", "required for a " + kind + " project"));
            } else if (origin.equals(destination)) {
                errors.add(FieldError.field("destination", "must differ from the origin for a " + kind + " project"));
            }
        }

        Project.ProjectInvestment investment = investment(d.investment(), errors);
        Long jobs = d.jobs();
        if (jobs != null && jobs < 0) {
            errors.add(FieldError.field("jobs", "must not be negative, was " + jobs));
        } else if (jobs != null && jobs > MAX_JOBS) {
            errors.add(FieldError.field("jobs", "must be at most " + MAX_JOBS + ", was " + jobs));
        }
        BigDecimal area = d.areaKm2();
        if (area != null && area.signum() < 0) {
            errors.add(FieldError.field("areaKm2", "must not be negative, was " + area));
        } else if (area != null && area.compareTo(MAX_AREA) > 0) {
            errors.add(FieldError.field("areaKm2", "must be at most " + MAX_AREA.toPlainString() + " km²"));
        }
        Project.ProjectLocation location = location(d.location(), destination, errors);
        Map<String, Object> metrics = metrics(d.metrics(), errors);

        LocalDate signed = date("signed", d.signed(), errors);
        LocalDate constructionStart = date("constructionStart", d.constructionStart(), errors);
        LocalDate operational = date("operational", d.operational(), errors);
        inOrder("constructionStart", constructionStart, "signed", signed, errors);
        inOrder("operational", operational, "signed", signed, errors);
        inOrder("operational", operational, "constructionStart", constructionStart, errors);

        String status = Lifecycle.PROPOSED;
        if (text(d.status()) != null) {
            status = Lifecycle.parse(d.status()).orElse(null);
            if (status == null) {
                errors.add(FieldError.field("status", "unknown status '" + d.status() + "'; one of "
                        + String.join(", ", Lifecycle.ALL) + " (planned means proposed)"));
            }
        }
        if (!errors.isEmpty()) {
            return new Outcome(null, errors);
        }
        BigDecimal cny100m = investment == null ? null
                : Currencies.toCny100m(investment.amount(), investment.currency()).orElse(null);
        Project p = new Project(null, ref, nameEn, text(d.nameZh()), kind, text(d.sector()), text(d.chain()), origin,
                destination, list(d.organisations()), investment, cny100m, jobs, area, location, metrics, signed,
                signed == null ? null : signed.getYear(), constructionStart, operational, status, null, null,
                list(d.sources()), 0);
        return new Outcome(p, List.of());
    }

    private static Project.ProjectInvestment investment(Project.ProjectInvestment i, List<FieldError> errors) {
        if (i == null || (i.amount() == null && text(i.currency()) == null && text(i.basis()) == null)) {
            return null;
        }
        if (i.amount() == null) {
            errors.add(FieldError.field("investment.amount", "required when currency or basis is given"));
        } else if (i.amount().signum() < 0) {
            errors.add(FieldError.field("investment.amount", "must not be negative, was " + i.amount()));
        } else if (i.amount().compareTo(MAX_AMOUNT) > 0) {
            errors.add(FieldError.field("investment.amount", "must be at most " + MAX_AMOUNT.toPlainString()
                    + " (the amount is in 100 million units of the currency)"));
        }
        String currency = text(i.currency());
        if (currency == null) {
            errors.add(FieldError.field("investment.currency", "required with an amount; one of "
                    + String.join(", ", Currencies.CNY_PER_UNIT.keySet())));
        } else if (!Currencies.isKnown(currency)) {
            errors.add(FieldError.field("investment.currency", "unknown currency '" + currency + "'; one of "
                    + String.join(", ", Currencies.CNY_PER_UNIT.keySet())));
        }
        String basis = text(i.basis());
        if (basis != null && !BASES.contains(basis)) {
            errors.add(FieldError.field("investment.basis", "must be pledged or realised, was '" + basis + "'"));
        }
        return new Project.ProjectInvestment(i.amount(), currency, basis);
    }

    private Project.ProjectLocation location(Project.ProjectLocation l, String destination, List<FieldError> errors) {
        if (l != null) {
            if (l.lon() < -180 || l.lon() > 180) {
                errors.add(FieldError.field("location.lon", "must be between -180 and 180, was " + l.lon()));
            }
            if (l.lat() < -90 || l.lat() > 90) {
                errors.add(FieldError.field("location.lat", "must be between -90 and 90, was " + l.lat()));
            }
            return l;
        }
        return destination == null ? null
                : regions.nearestPoint(destination).map(p -> new Project.ProjectLocation(p[0], p[1])).orElse(null);
    }

    private static Map<String, Object> metrics(Map<String, Object> raw, List<FieldError> errors) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (raw == null) {
            return metrics;
        }
        raw.forEach((key, value) -> {
            if (key == null || !METRIC_KEY.matcher(key).matches()) {
                errors.add(FieldError.field("metrics", "key '" + key + "' must start with a letter and use letters, digits, _ . -"));
            } else if (value instanceof Number n && finite(n) && new BigDecimal(n.toString()).abs().compareTo(MAX_METRIC) <= 0) {
                metrics.put(key, new BigDecimal(n.toString()));
            } else if (value instanceof Number) {
                errors.add(FieldError.field("metrics." + key, "must lie between -1E15 and 1E15"));
            } else if (value instanceof String s && DATE_TEXT.matcher(s).matches()) {
                metrics.put(key, s);
            } else {
                errors.add(FieldError.field("metrics." + key, "must be a number (or an ISO year, month or date), was '" + value + "'"));
            }
        });
        return metrics;
    }

    private static boolean finite(Number n) {
        return !(n instanceof Double d && !Double.isFinite(d)) && !(n instanceof Float f && !Float.isFinite(f));
    }

    /** Parses {@code key=value;…}; values are numbers, or kept as text when they are an ISO year, month or date. */
    public static Map<String, Object> parseMetrics(String cell, String field, List<FieldError> errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (cell == null || cell.isBlank()) {
            return out;
        }
        for (String pair : cell.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                errors.add(FieldError.field(field, "'" + pair.trim() + "' is not key=value"));
                continue;
            }
            String key = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (out.containsKey(key)) {
                errors.add(FieldError.field(field, "key '" + key + "' appears twice"));
                continue;
            }
            try {
                BigDecimal number = new BigDecimal(value);
                Numbers.refused(number).ifPresentOrElse(
                        why -> errors.add(FieldError.field(field, "value of '" + key + "' is " + why + ": '" + value + "'")),
                        () -> out.put(key, number));
            } catch (NumberFormatException e) {
                if (DATE_TEXT.matcher(value).matches()) {
                    out.put(key, value);
                } else {
                    errors.add(FieldError.field(field, "value of '" + key + "' is not a number (or an ISO year, month or date): '" + value + "'"));
                }
            }
        }
        return out;
    }

    /** Why a status note cannot be kept: it is longer than the cap on prose. */
    public Optional<FieldError> note(String note) {
        return limits.text(note).map(why -> FieldError.field("note", why));
    }

    /** {@code YYYY} (stored as 1 January), {@code YYYY-MM} (the 1st) or {@code YYYY-MM-DD}. */
    public static LocalDate date(String field, String raw, List<FieldError> errors) {
        String v = text(raw);
        if (v == null) {
            return null;
        }
        try {
            LocalDate date = v.matches("\\d{4}") ? LocalDate.of(Integer.parseInt(v), 1, 1)
                    : v.matches("\\d{4}-\\d{2}") ? YearMonth.parse(v).atDay(1) : LocalDate.parse(v);
            if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
                errors.add(FieldError.field(field, "year must lie between " + MIN_YEAR + " and " + MAX_YEAR + ": '" + v + "'"));
                return null;
            }
            return date;
        } catch (DateTimeException e) {
            errors.add(FieldError.field(field, "not a date (YYYY, YYYY-MM or YYYY-MM-DD): '" + v + "'"));
            return null;
        }
    }

    /**
     * Whether {@code later} is before {@code earlier}. A 1 January may stand for a year given alone, so then only
     * the years are compared.
     */
    private static void inOrder(String laterField, LocalDate later, String earlierField, LocalDate earlier, List<FieldError> errors) {
        if (later == null || earlier == null) {
            return;
        }
        boolean yearOnly = later.getDayOfYear() == 1 || earlier.getDayOfYear() == 1;
        boolean before = yearOnly ? later.getYear() < earlier.getYear() : later.isBefore(earlier);
        if (before) {
            errors.add(FieldError.field(laterField, laterField + " " + later + " is before " + earlierField + " " + earlier));
        }
    }

    private static List<String> list(List<String> raw) {
        return raw == null ? List.of() : raw.stream().map(ProjectRules::text).filter(s -> s != null).toList();
    }

    static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
