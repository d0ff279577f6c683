-- The match rules of app and device entries: `app` (the lower-cased package / bundle id) and `imei`
-- (the 15-digit IMEI, which an IMEISV of the same device also finds).
ALTER TABLE intel_entries DROP CONSTRAINT intel_entries_match_check;
ALTER TABLE intel_entries ADD CONSTRAINT intel_entries_match_check
  CHECK (match IN ('exact', 'prefix', 'domain', 'host', 'url_prefix', 'account', 'app', 'imei'));
