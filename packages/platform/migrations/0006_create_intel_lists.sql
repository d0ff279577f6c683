-- Intelligence lists: named sets of numbers, domains, URLs or accounts, each with the action its
-- entries ask for by default (block, mark, allow) and the unit that owns it.
CREATE TABLE intel_lists (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name           text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  kind           text NOT NULL CHECK (kind IN ('number', 'domain', 'url', 'account')),
  default_action text NOT NULL CHECK (default_action IN ('block', 'mark', 'allow')),
  description    text,
  unit_code      text NOT NULL REFERENCES units (code),
  created_by     text,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX intel_lists_name ON intel_lists (name);
