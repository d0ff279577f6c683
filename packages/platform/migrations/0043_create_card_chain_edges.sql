-- The chain of the card trade between persons: `from_person` is the `role` of `to_person` — organised
-- the opening of his cards (组织开办 organiser), led him to the bank or outlet (带队 escort), bought his
-- cards (收购 buyer), sold them on (贩卖 seller), mailed them (邮寄 courier). One edge per pair and role.
CREATE TABLE card_chain_edges (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  from_person  uuid NOT NULL REFERENCES card_persons (id),
  to_person    uuid NOT NULL REFERENCES card_persons (id),
  role         text NOT NULL CHECK (role IN ('organiser', 'escort', 'buyer', 'seller', 'courier')),
  case_id      text,
  note         text CHECK (length(note) <= 500),
  unit_code    text NOT NULL REFERENCES units (code),
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL,
  CHECK (from_person <> to_person),
  UNIQUE (from_person, to_person, role)
);
CREATE INDEX card_chain_edges_to ON card_chain_edges (to_person);
