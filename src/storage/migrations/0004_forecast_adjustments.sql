-- Schema 4: forecast adjustments. An owner or a manager overrides one cumulative view (commit, best case,
-- open pipeline) of a roll-up node (a rep and everyone below them) for a period. Append-only: the newest
-- row per (node, period, view, layer) is in force, a row with a NULL amount withdraws the adjustment, and
-- the rows before stay as the history of who changed the call, when and why. Amounts are corporate-currency
-- minor units; the raw roll-up is never stored, it is recomputed from the opportunities.
CREATE TABLE forecast_adjustment (
  id           INTEGER PRIMARY KEY,
  rep_id       INTEGER NOT NULL REFERENCES rep(id),
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  category     TEXT NOT NULL CHECK (category IN ('commit', 'best_case', 'pipeline')),
  layer        TEXT NOT NULL CHECK (layer IN ('owner', 'manager')),
  amount       INTEGER,
  author       TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  note         TEXT NOT NULL,
  CHECK (period_end >= period_start)
);
CREATE INDEX forecast_adjustment_node ON forecast_adjustment(period_start, period_end, rep_id, category, created_at);
