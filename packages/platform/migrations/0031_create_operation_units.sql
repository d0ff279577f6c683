-- The units taking part in an operation (each counts its whole subtree) and the targets the organiser
-- set them: suspects to catch, cases to solve. Targets are typed in; results never are.
CREATE TABLE operation_units (
  operation_id    text NOT NULL REFERENCES operations (id) ON DELETE CASCADE,
  unit_code       text NOT NULL REFERENCES units (code),
  target_suspects integer NOT NULL DEFAULT 0 CHECK (target_suspects >= 0),
  target_cases    integer NOT NULL DEFAULT 0 CHECK (target_cases >= 0),
  PRIMARY KEY (operation_id, unit_code)
);
CREATE INDEX operation_units_unit ON operation_units (unit_code);
