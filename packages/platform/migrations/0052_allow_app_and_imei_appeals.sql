-- Appeals against listed apps and devices, as against any other listed value.
ALTER TABLE appeals DROP CONSTRAINT appeals_kind_check;
ALTER TABLE appeals ADD CONSTRAINT appeals_kind_check
  CHECK (kind IN ('number', 'domain', 'url', 'account', 'app', 'imei'));
