-- API keys of partner organisations (carriers, banks, DNS operators). The key is shown once at
-- creation; only its SHA-256 hash is kept. `prefix` identifies a key in logs without revealing it.
CREATE TABLE api_keys (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  unit_code    text NOT NULL REFERENCES units (code),
  prefix       text NOT NULL UNIQUE,
  key_hash     text NOT NULL,
  scopes       text[] NOT NULL CHECK (cardinality(scopes) > 0),
  created_by   uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  revoked_at   timestamptz,
  last_used_at timestamptz
);
CREATE INDEX api_keys_unit ON api_keys (unit_code);
