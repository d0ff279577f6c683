-- Lists of apps (Android package names, iOS bundle ids) and devices (IMEIs): case footprints of those
-- kinds become entries of case-apps and case-devices, screened like numbers and domains.
ALTER TABLE intel_lists DROP CONSTRAINT intel_lists_kind_check;
ALTER TABLE intel_lists ADD CONSTRAINT intel_lists_kind_check
  CHECK (kind IN ('number', 'domain', 'url', 'account', 'app', 'imei'));
