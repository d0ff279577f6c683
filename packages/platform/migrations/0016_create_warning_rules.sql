-- Versioned correlation rules (the engine's CorrelationRule as JSON). A rule's live version is its
-- highest; older versions stay as history and for the firings recorded under them.
CREATE TABLE warning_rules (
  id         text NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
  version    integer NOT NULL CHECK (version >= 1),
  body       jsonb NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (id, version)
);
