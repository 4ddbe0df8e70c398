-- Hand-written: several jobs for the connection's own clinic in one call of graphile-worker's
-- add_jobs (one notification to the workers instead of one per job), with the same check as
-- enqueue_clinic_job (migration tenant_login_role). No job keys: callers that need one use that.
CREATE FUNCTION enqueue_clinic_jobs(task text, payloads json[], run_ats timestamptz[], max_attempts int)
RETURNS int
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  clinic uuid := public.current_clinic_id();
BEGIN
  IF clinic IS NULL OR EXISTS (
    SELECT FROM unnest(payloads) AS p WHERE (p ->> 'clinicId') IS DISTINCT FROM clinic::text
  ) THEN
    RAISE EXCEPTION 'a clinic may only enqueue jobs for itself' USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM graphile_worker.add_jobs(ARRAY(
    SELECT ROW(task, j.payload, NULL, j.run_at, max_attempts, NULL, NULL, NULL)::graphile_worker.job_spec
      FROM unnest(payloads, run_ats) AS j(payload, run_at)
  ));
  RETURN cardinality(payloads);
END
$$;
REVOKE ALL ON FUNCTION enqueue_clinic_jobs(text, json[], timestamptz[], int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enqueue_clinic_jobs(text, json[], timestamptz[], int) TO frontdesk_app;
