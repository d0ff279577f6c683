-- Persons of the two-card trade (两卡): the holders of involved cards and the people of the chain above
-- them (organisers, escorts, buyers, sellers, couriers), one row per resident ID number. The registered
-- residence (户籍地) is the ID's first six digits (GB/T 2260); `residence_unit_code` is the unit of the
-- org tree that owns it (the county, else its city, else the province), NULL for another province.
-- Name and ID number are personal data: answers mask them, the full values only through an audited reveal.
CREATE TABLE card_persons (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  id_number            text NOT NULL UNIQUE CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
  name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  residence_code       text NOT NULL CHECK (residence_code ~ '^[0-9]{6}$'),
  residence_unit_code  text REFERENCES units (code),
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL
);
CREATE INDEX card_persons_residence_unit ON card_persons (residence_unit_code);
