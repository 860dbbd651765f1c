-- Schema 3: compensation (COMP.md). Plans are kept as their JSON text, one row per version (plan_id +
-- effective_from). The ledger keeps reps and plans by their text keys, so paid history survives any later
-- change to those records; comp_credit holds the credited deals behind each line (the trace).

CREATE TABLE comp_plan (
  id             INTEGER PRIMARY KEY,
  plan_id        TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_to   TEXT,
  name           TEXT,
  json           TEXT NOT NULL,
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE UNIQUE INDEX comp_plan_key ON comp_plan(plan_id, effective_from);

CREATE TABLE comp_assignment (
  id             INTEGER PRIMARY KEY,
  rep_id         INTEGER NOT NULL REFERENCES rep(id),
  plan_id        TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_to   TEXT,
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE UNIQUE INDEX comp_assignment_key ON comp_assignment(rep_id, effective_from);

CREATE TABLE comp_period (
  id           INTEGER PRIMARY KEY,
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('open', 'processed', 'locked')),
  changed_at   TEXT NOT NULL,
  CHECK (period_end >= period_start)
);
CREATE UNIQUE INDEX comp_period_key ON comp_period(period_start, period_end);

CREATE TABLE comp_ledger_line (
  id               INTEGER PRIMARY KEY,
  rep_id           TEXT NOT NULL,
  period_start     TEXT NOT NULL,
  period_end       TEXT NOT NULL,
  plan_id          TEXT NOT NULL,
  component        TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('earning', 'bonus', 'spiff', 'override', 'draw_advance',
                                                 'draw_recovery', 'clawback', 'adjustment')),
  amount           INTEGER NOT NULL,
  detail           TEXT NOT NULL,
  for_period_start TEXT,
  for_period_end   TEXT
);
CREATE INDEX comp_ledger_line_period ON comp_ledger_line(period_start, period_end, rep_id);

CREATE TABLE comp_credit (
  id          INTEGER PRIMARY KEY,
  line_id     INTEGER NOT NULL REFERENCES comp_ledger_line(id) ON DELETE CASCADE,
  opportunity TEXT NOT NULL,
  credit4     INTEGER NOT NULL,
  weight4     INTEGER NOT NULL
);
CREATE INDEX comp_credit_line ON comp_credit(line_id);
