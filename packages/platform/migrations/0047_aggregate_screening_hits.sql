-- Screening hits aggregated: identical hits (same value, kind, action, risk, lists and partner key) in
-- one flush window of the hit recorder (about a second) become one row with their count, first (`at`)
-- and last (`last_at`) times, so that a burst of lookups of a listed value is recorded in full
-- instead of overflowing the recorder's queue. Rows from before hold one hit each.
ALTER TABLE screening_hits ADD COLUMN count integer NOT NULL DEFAULT 1 CHECK (count >= 1);
ALTER TABLE screening_hits ADD COLUMN last_at timestamptz;
UPDATE screening_hits SET last_at = at;
ALTER TABLE screening_hits ALTER COLUMN last_at SET NOT NULL;
