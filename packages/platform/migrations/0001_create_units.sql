-- The org tree: province → city → county (→ police station), keyed by GB/T 2260 codes.
-- `path` is the materialised path of codes from the root ('320000/320100/320102/'), so a subtree is one
-- prefix match and every unit-owned record can be scoped with it.
CREATE TABLE units (
  code        text PRIMARY KEY CHECK (code ~ '^[0-9]{6,12}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  level       text NOT NULL CHECK (level IN ('province', 'city', 'county', 'station')),
  parent_code text REFERENCES units (code),
  path        text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((level = 'province') = (parent_code IS NULL))
);
CREATE INDEX units_path_prefix ON units (path text_pattern_ops);
CREATE INDEX units_parent ON units (parent_code);
