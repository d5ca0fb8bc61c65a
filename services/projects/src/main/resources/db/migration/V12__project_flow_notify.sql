-- The flows totals are also held in memory by every instance (FlowTotals): a change to project_flow notifies them
-- when its transaction commits (PostgreSQL folds the notifications of one transaction into one).
CREATE FUNCTION project_flow_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('jjj_projects_flows', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER project_flow_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_flow
    FOR EACH STATEMENT EXECUTE FUNCTION project_flow_notify();
