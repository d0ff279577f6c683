-- Joint punishment (联合惩戒): a person restricted for a period by banks (financial: no new accounts) or
-- carriers (telecom: no new SIMs), one row per measure. Active while starts_at <= now < ends_at and not
-- ended early (by an officer, or by an upheld appeal): expiry needs no job, every read compares with the
-- clock. Partners receive the list as deltas computed from these times (modules/punishment/deltas.ts).
CREATE TABLE punishments (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  measure       text NOT NULL CHECK (measure IN ('financial', 'telecom')),
  id_number     text NOT NULL CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  reason        text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  case_id       text,
  unit_code     text NOT NULL REFERENCES units (code),
  starts_at     timestamptz NOT NULL,
  ends_at       timestamptz NOT NULL,
  ended_at      timestamptz,
  end_cause     text CHECK (end_cause IN ('ended', 'appeal')),
  end_reason    text,
  ended_by      text,
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL,
  CHECK (ends_at > starts_at),
  CHECK ((ended_at IS NULL) = (end_cause IS NULL))
);
-- A person's punishments per measure (a new one is refused while another is running or pending).
CREATE INDEX punishments_person ON punishments (id_number, measure);
CREATE INDEX punishments_unit ON punishments (unit_code, created_at DESC);
-- The partner deltas read by the time a row became and stopped being active.
CREATE INDEX punishments_visible_from ON punishments ((greatest(starts_at, created_at)));
CREATE INDEX punishments_visible_until ON punishments ((least(ends_at, coalesce(ended_at, ends_at))));
