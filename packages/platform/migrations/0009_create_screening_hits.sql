-- Screening hits (a block or mark answered to a partner), written asynchronously in batches. They are
-- signals for the warning work: who asked about which listed value, when, and which lists matched.
CREATE TABLE screening_hits (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at         timestamptz NOT NULL,
  kind       text NOT NULL,
  value      text NOT NULL,
  action     text NOT NULL CHECK (action IN ('block', 'mark')),
  risk       smallint NOT NULL,
  lists      text[] NOT NULL,
  api_key_id uuid
);
CREATE INDEX screening_hits_at ON screening_hits (at DESC);
CREATE INDEX screening_hits_value ON screening_hits (value, at DESC);
