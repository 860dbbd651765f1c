-- Schema 1: every entity of DOMAIN.md. Surrogate integer keys; the user's text key is external_id
-- (stage: name). Money is INTEGER minor units, percentages INTEGER hundredths of a percent, dates and
-- timestamps ISO text. Unique keys are separate indexes so a bulk load into an empty table can build
-- them after the rows (see docs/storage.md).

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  entity  TEXT,
  detail  TEXT
);

CREATE TABLE stage (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
  probability INTEGER CHECK (probability BETWEEN 0 AND 10000),
  sort_order  INTEGER
);
CREATE UNIQUE INDEX stage_name ON stage(name);

CREATE TABLE fx_rate (
  id         INTEGER PRIMARY KEY,
  currency   TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  rate       TEXT NOT NULL
);
CREATE UNIQUE INDEX fx_rate_key ON fx_rate(currency, valid_from);

CREATE TABLE rep (
  id          INTEGER PRIMARY KEY,
  external_id TEXT NOT NULL,
  name        TEXT,
  email       TEXT,
  team        TEXT,
  manager_id  INTEGER REFERENCES rep(id),
  role        TEXT,
  start_date  TEXT,
  end_date    TEXT
);
CREATE UNIQUE INDEX rep_key ON rep(external_id);
CREATE INDEX rep_manager ON rep(manager_id);

CREATE TABLE account (
  id             INTEGER PRIMARY KEY,
  external_id    TEXT NOT NULL,
  name           TEXT,
  industry       TEXT,
  country        TEXT,
  region         TEXT,
  postal_code    TEXT,
  employees      INTEGER,
  annual_revenue INTEGER,
  owner_rep_id   INTEGER REFERENCES rep(id),
  territory_id   TEXT
);
CREATE UNIQUE INDEX account_key ON account(external_id);
CREATE INDEX account_owner ON account(owner_rep_id);

CREATE TABLE contact (
  id          INTEGER PRIMARY KEY,
  external_id TEXT NOT NULL,
  account_id  INTEGER REFERENCES account(id),
  name        TEXT,
  email       TEXT,
  phone       TEXT,
  title       TEXT
);
CREATE UNIQUE INDEX contact_key ON contact(external_id);
CREATE INDEX contact_account ON contact(account_id);

CREATE TABLE opportunity (
  id                INTEGER PRIMARY KEY,
  external_id       TEXT NOT NULL,
  account_id        INTEGER REFERENCES account(id),
  owner_rep_id      INTEGER NOT NULL REFERENCES rep(id),
  name              TEXT,
  type              TEXT,
  stage_id          INTEGER NOT NULL REFERENCES stage(id),
  amount            INTEGER NOT NULL,
  currency          TEXT,
  probability       INTEGER CHECK (probability BETWEEN 0 AND 10000),
  created_date      TEXT NOT NULL,
  close_date        TEXT NOT NULL,
  forecast_category TEXT CHECK (forecast_category IN ('pipeline', 'best_case', 'commit', 'closed', 'omitted')),
  lead_source       TEXT
);
CREATE UNIQUE INDEX opportunity_key ON opportunity(external_id);
CREATE INDEX opportunity_owner_close ON opportunity(owner_rep_id, close_date);
CREATE INDEX opportunity_account ON opportunity(account_id);

CREATE TABLE opportunity_split (
  id             INTEGER PRIMARY KEY,
  opportunity_id INTEGER NOT NULL REFERENCES opportunity(id),
  rep_id         INTEGER NOT NULL REFERENCES rep(id),
  percent        INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 10000)
);
CREATE UNIQUE INDEX opportunity_split_key ON opportunity_split(opportunity_id, rep_id);
CREATE INDEX opportunity_split_rep ON opportunity_split(rep_id);

CREATE TABLE opportunity_history (
  id                INTEGER PRIMARY KEY,
  opportunity_id    INTEGER NOT NULL REFERENCES opportunity(id),
  changed_at        TEXT NOT NULL,
  stage_id          INTEGER REFERENCES stage(id),
  amount            INTEGER,
  close_date        TEXT,
  probability       INTEGER CHECK (probability BETWEEN 0 AND 10000),
  forecast_category TEXT CHECK (forecast_category IN ('pipeline', 'best_case', 'commit', 'closed', 'omitted'))
);
CREATE UNIQUE INDEX opportunity_history_key ON opportunity_history(opportunity_id, changed_at);

CREATE TABLE lead (
  id                       INTEGER PRIMARY KEY,
  external_id              TEXT NOT NULL,
  created_at               TEXT NOT NULL,
  source                   TEXT,
  owner_rep_id             INTEGER REFERENCES rep(id),
  first_response_at        TEXT,
  converted_opportunity_id INTEGER REFERENCES opportunity(id)
);
CREATE UNIQUE INDEX lead_key ON lead(external_id);
CREATE INDEX lead_owner ON lead(owner_rep_id, created_at);

CREATE TABLE activity (
  id               INTEGER PRIMARY KEY,
  external_id      TEXT NOT NULL,
  rep_id           INTEGER REFERENCES rep(id),
  account_id       INTEGER REFERENCES account(id),
  opportunity_id   INTEGER REFERENCES opportunity(id),
  lead_id          INTEGER REFERENCES lead(id),
  type             TEXT NOT NULL CHECK (type IN ('call', 'meeting', 'email', 'task', 'admin', 'training')),
  started_at       TEXT NOT NULL,
  duration_minutes INTEGER CHECK (duration_minutes >= 0),
  selling          INTEGER CHECK (selling IN (0, 1))
);
CREATE UNIQUE INDEX activity_key ON activity(external_id);
CREATE INDEX activity_rep ON activity(rep_id, started_at);

CREATE TABLE quota (
  id           INTEGER PRIMARY KEY,
  rep_id       INTEGER NOT NULL REFERENCES rep(id),
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  amount       INTEGER NOT NULL,
  currency     TEXT NOT NULL,
  CHECK (period_end >= period_start)
);
CREATE UNIQUE INDEX quota_key ON quota(rep_id, period_start, period_end);

CREATE TABLE forecast_submission (
  id           INTEGER PRIMARY KEY,
  rep_id       INTEGER NOT NULL REFERENCES rep(id),
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  category     TEXT NOT NULL CHECK (category IN ('commit', 'best_case', 'pipeline')),
  amount       INTEGER NOT NULL,
  currency     TEXT,
  CHECK (period_end >= period_start)
);
CREATE UNIQUE INDEX forecast_submission_key
  ON forecast_submission(rep_id, period_start, period_end, submitted_at, category);
