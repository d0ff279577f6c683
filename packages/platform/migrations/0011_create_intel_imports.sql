-- Import jobs of the intelligence lists: who imported what into which list, how far it got and which
-- rows were bad. The entries themselves are written in one transaction: a job that failed or was
-- interrupted changed nothing.
CREATE TABLE intel_imports (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  list_id     uuid NOT NULL REFERENCES intel_lists (id),
  format      text NOT NULL CHECK (format IN ('csv', 'ndjson', 'stix')),
  status      text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  bytes_read  bigint NOT NULL DEFAULT 0,
  total_bytes bigint,
  rows_read   bigint NOT NULL DEFAULT 0,
  added       bigint NOT NULL DEFAULT 0,
  error_count bigint NOT NULL DEFAULT 0,
  errors      jsonb NOT NULL DEFAULT '[]',
  message     text,
  started_by  text,
  started_at  timestamptz NOT NULL,
  finished_at timestamptz
);
CREATE INDEX intel_imports_started ON intel_imports (started_at DESC);
