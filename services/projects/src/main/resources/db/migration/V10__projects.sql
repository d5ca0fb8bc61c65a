-- The registry: one row per project in its current state, one row per change in project_version.

CREATE SEQUENCE project_number;

CREATE TABLE project (
    id                  text PRIMARY KEY,
    ref                 text NOT NULL UNIQUE,
    name_en             text NOT NULL,
    name_zh             text,
    kind                text NOT NULL,
    sector              text,
    chain               text,
    origin              text,
    destination         text NOT NULL,
    organisations       text[] NOT NULL DEFAULT '{}',
    investment_amount   numeric,
    investment_currency text,
    investment_basis    text,
    investment_cny_100m numeric,
    jobs                bigint,
    area_km2            numeric,
    lon                 double precision NOT NULL,
    lat                 double precision NOT NULL,
    metrics             jsonb NOT NULL DEFAULT '{}',
    signed              date,
    signed_year         integer,
    construction_start  date,
    operational         date,
    status              text NOT NULL,
    status_since        date NOT NULL,
    suspended_from      text,
    sources             text[] NOT NULL DEFAULT '{}',
    search_text         text NOT NULL,
    search              tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
    version             bigint NOT NULL DEFAULT 1,
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX project_search ON project USING gin (search);
CREATE INDEX project_destination_status_signed ON project (destination, status, signed);
CREATE INDEX project_origin ON project (origin);
CREATE INDEX project_signed ON project (signed);
CREATE INDEX project_kind ON project (kind);
CREATE INDEX project_location ON project (lon, lat);

-- Every change: what changed (field -> {from, to}), when it took effect, and the whole project as it then
-- stood (state, keyed like the project row) so that asOf reads are one lookup.
CREATE TABLE project_version (
    seq         bigserial PRIMARY KEY,
    project_id  text NOT NULL REFERENCES project (id),
    version     bigint NOT NULL,
    change      text NOT NULL,
    channel     text NOT NULL,
    effective   date NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    note        text,
    changes     jsonb NOT NULL,
    state       jsonb NOT NULL
);

CREATE INDEX project_version_by_project ON project_version (project_id, effective, seq);
CREATE INDEX project_version_effective ON project_version (effective);

-- Origin -> destination totals per signed year, kept by trigger so the flows matrix never scans the registry.
-- Cancelled projects are not counted; year 0 holds projects without a signed year.
CREATE TABLE project_flow (
    origin              text NOT NULL,
    destination         text NOT NULL,
    signed_year         integer NOT NULL,
    projects            bigint NOT NULL,
    investment_cny_100m numeric NOT NULL,
    jobs                bigint NOT NULL,
    PRIMARY KEY (origin, destination, signed_year)
);

CREATE FUNCTION project_flow_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.origin IS NOT DISTINCT FROM NEW.origin AND OLD.destination = NEW.destination
            AND OLD.signed_year IS NOT DISTINCT FROM NEW.signed_year AND OLD.status = NEW.status
            AND OLD.investment_cny_100m IS NOT DISTINCT FROM NEW.investment_cny_100m
            AND OLD.jobs IS NOT DISTINCT FROM NEW.jobs THEN
        RETURN NEW;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.origin IS NOT NULL AND OLD.status <> 'cancelled' THEN
        UPDATE project_flow
           SET projects = projects - 1,
               investment_cny_100m = investment_cny_100m - coalesce(OLD.investment_cny_100m, 0),
               jobs = jobs - coalesce(OLD.jobs, 0)
         WHERE origin = OLD.origin AND destination = OLD.destination AND signed_year = coalesce(OLD.signed_year, 0);
        DELETE FROM project_flow
         WHERE origin = OLD.origin AND destination = OLD.destination AND signed_year = coalesce(OLD.signed_year, 0)
           AND projects = 0;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.origin IS NOT NULL AND NEW.status <> 'cancelled' THEN
        INSERT INTO project_flow AS f (origin, destination, signed_year, projects, investment_cny_100m, jobs)
        VALUES (NEW.origin, NEW.destination, coalesce(NEW.signed_year, 0), 1, coalesce(NEW.investment_cny_100m, 0),
                coalesce(NEW.jobs, 0))
        ON CONFLICT (origin, destination, signed_year) DO UPDATE
           SET projects = f.projects + 1,
               investment_cny_100m = f.investment_cny_100m + excluded.investment_cny_100m,
               jobs = f.jobs + excluded.jobs;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER project_flow_track AFTER INSERT OR UPDATE OR DELETE ON project
    FOR EACH ROW EXECUTE FUNCTION project_flow_track();
