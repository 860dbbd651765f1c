-- Schema 2: territory models, their hierarchy, overlays, rules, named accounts and the effective-dated
-- assignment history (TERRITORY.md). A territory's user key is (model, territory_id); territory_id,
-- parent_id and the territory of rules, overlays and named accounts stay text within their model, so a
-- planning copy of a model keeps the same ids. Assignment history is keyed by account and start date and
-- names territories by their text id: it outlives the models that produced it.

CREATE TABLE territory_model (
  id          INTEGER PRIMARY KEY,
  external_id TEXT NOT NULL,
  name        TEXT,
  status      TEXT NOT NULL CHECK (status IN ('planning', 'active', 'archived')),
  active_from TEXT
);
CREATE UNIQUE INDEX territory_model_key ON territory_model(external_id);

CREATE TABLE territory (
  id           INTEGER PRIMARY KEY,
  model_id     INTEGER NOT NULL REFERENCES territory_model(id),
  territory_id TEXT NOT NULL,
  name         TEXT,
  parent_id    TEXT,
  type         TEXT,
  priority     INTEGER,
  owner_rep_id INTEGER REFERENCES rep(id)
);
CREATE UNIQUE INDEX territory_key ON territory(model_id, territory_id);

CREATE TABLE territory_overlay (
  id           INTEGER PRIMARY KEY,
  model_id     INTEGER NOT NULL REFERENCES territory_model(id),
  territory_id TEXT NOT NULL,
  rep_id       INTEGER NOT NULL REFERENCES rep(id),
  role         TEXT
);
CREATE UNIQUE INDEX territory_overlay_key ON territory_overlay(model_id, territory_id, rep_id);

CREATE TABLE territory_rule (
  id           INTEGER PRIMARY KEY,
  model_id     INTEGER NOT NULL REFERENCES territory_model(id),
  territory_id TEXT NOT NULL,
  rule_id      TEXT NOT NULL,
  field        TEXT NOT NULL,
  operator     TEXT NOT NULL CHECK (operator IN ('eq', 'ne', 'in', 'not_in', 'prefix', 'range', 'contains')),
  value        TEXT
);
CREATE UNIQUE INDEX territory_rule_key ON territory_rule(model_id, territory_id, rule_id, field, operator);

CREATE TABLE territory_named_account (
  id           INTEGER PRIMARY KEY,
  model_id     INTEGER NOT NULL REFERENCES territory_model(id),
  territory_id TEXT NOT NULL,
  account_id   INTEGER NOT NULL REFERENCES account(id)
);
CREATE UNIQUE INDEX territory_named_account_key ON territory_named_account(model_id, territory_id, account_id);
CREATE INDEX territory_named_account_account ON territory_named_account(account_id);

CREATE TABLE territory_assignment (
  id             INTEGER PRIMARY KEY,
  account_id     INTEGER NOT NULL REFERENCES account(id),
  territory_id   TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_to   TEXT,
  source         TEXT NOT NULL CHECK (source IN ('rule', 'named', 'manual')),
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE UNIQUE INDEX territory_assignment_key ON territory_assignment(account_id, effective_from);
CREATE INDEX territory_assignment_territory ON territory_assignment(territory_id);
