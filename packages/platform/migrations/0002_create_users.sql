-- Officers, analysts, admins and auditors. Each belongs to one unit; roles are a small fixed set.
CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username      text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  unit_code     text NOT NULL REFERENCES units (code),
  roles         text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['admin', 'analyst', 'officer', 'auditor']),
  password_hash text NOT NULL,
  phone         text,
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz
);
CREATE UNIQUE INDEX users_username ON users (username);
CREATE INDEX users_unit ON users (unit_code);
