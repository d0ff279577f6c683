-- Money frozen (冻结) on an account footprint of a case: an officer records that the bank froze an
-- amount on the account the victim paid into, with the time of the freeze and the freeze notice's
-- number. A footprint may be frozen several times (several notices, partial freezes). The special
-- operations' "money frozen" figure sums these rows by the case's unit and the freeze time.
CREATE TABLE case_account_freezes (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  footprint_id  bigint NOT NULL REFERENCES case_footprints (id),
  case_id       text NOT NULL REFERENCES cases (id),
  amount        numeric(16, 2) NOT NULL CHECK (amount > 0),
  frozen_at     timestamptz NOT NULL,
  reference     text,
  note          text,
  unit_code     text REFERENCES units (code),
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL
);
CREATE INDEX case_account_freezes_case ON case_account_freezes (case_id, footprint_id);
CREATE INDEX case_account_freezes_time ON case_account_freezes (frozen_at);
