-- The fraud type a list's entries point to (e.g. a list of numbers seen in 冒充公检法 cases), given to
-- the warnings' correlation when an event's evidence names none. Values are the engine's FRAUD_TYPES.
ALTER TABLE intel_lists ADD COLUMN fraud_type text CHECK (
  fraud_type IN (
    'click_farming_rebate', 'fake_investment', 'fake_loan', 'fake_customer_service', 'fake_police',
    'fake_credit_repair', 'fake_shopping', 'fake_boss_acquaintance', 'fake_game_trading', 'romance'
  )
);
