-- Involved cards (涉案卡): bank cards, corporate accounts (对公账户), payment accounts and SIM cards seen
-- in cases (synchronised from the cases' footprints) or sent by partners (banks, carriers). `number` is
-- the engine's normalised value, the same the case footprint and the intel entry hold. Where it was
-- opened (开户地: the bank branch or carrier outlet, and the unit whose area that is) and its holder come
-- from partner feeds; a card seen only in a case has neither until a partner names them.
CREATE TABLE involved_cards (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind               text NOT NULL
                     CHECK (kind IN ('bank_card', 'corporate_account', 'payment_account', 'sim')),
  number             text NOT NULL CHECK (length(number) BETWEEN 1 AND 100),
  issuer             text CHECK (length(issuer) <= 100),
  opening_place      text CHECK (length(opening_place) <= 200),
  opening_unit_code  text REFERENCES units (code),
  opened_at          date,
  holder_id          uuid REFERENCES card_persons (id),
  seen_in_cases      boolean NOT NULL DEFAULT false,
  reported_by        text,
  first_seen_at      timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  UNIQUE (kind, number)
);
CREATE INDEX involved_cards_opening_unit ON involved_cards (opening_unit_code);
CREATE INDEX involved_cards_holder ON involved_cards (holder_id);
