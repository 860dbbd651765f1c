#pragma once
// Helpers of the GUI tests: waiting for asynchronous work, and a small workbook built through the core.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QListWidget>
#include <QString>
#include <QTest>

#include <filesystem>

#include <functional>
#include <string>

#include "storage/Database.h"
#include "storage/Workbook.h"

namespace guitest {

// Runs the event loop until `done` holds or `timeoutMs` passes; returns the last value of `done`.
inline bool waitUntil(const std::function<bool()>& done, int timeoutMs = 10000) {
  QElapsedTimer timer;
  timer.start();
  while (!done()) {
    if (timer.elapsed() > timeoutMs) return false;
    QTest::qWait(10);
  }
  return true;
}

struct SmallWorkbookCounts {
  int reps = 3, accounts = 4, contacts = 2, opportunities = 6, quotas = 3;
};

// Creates a workbook at `path` with the rows of SmallWorkbookCounts (inserted through the core's
// Database, whose SQL is the test's own), then closes it so a window can open it.
inline void createSmallWorkbook(const std::filesystem::path& path) {
  auto workbook = salesops::Workbook::create(path);
  salesops::Database& db = workbook->db();
  salesops::Transaction transaction(db);
  const auto stage = [&db](const char* name) {
    auto statement = db.prepare("SELECT id FROM stage WHERE name = ?");
    statement.bind(1, std::string_view(name));
    return statement.step() ? statement.int64(0) : std::int64_t{1};
  };
  auto rep = db.prepare("INSERT INTO rep (external_id, name, email, team, role) VALUES (?, ?, ?, 'East', 'ae')");
  for (const auto& [id, name] : {std::pair{"R001", "Ada Park"}, {"R002", "Ben Ortiz"}, {"R003", "Chloé Martin"}}) {
    rep.bind(1, std::string_view(id)).bind(2, std::string_view(name)).bind(3, std::string_view(id));
    rep.run();
  }
  auto account = db.prepare(
      "INSERT INTO account (external_id, name, industry, country, owner_rep_id, annual_revenue) "
      "VALUES (?, ?, ?, ?, (SELECT id FROM rep WHERE external_id = 'R001'), 100000000)");
  const char* accounts[][4] = {{"A001", "Acme Corp", "Manufacturing", "US"},
                               {"A002", "Globex", "Energy", "DE"},
                               {"A003", "Initech", "Software", "US"},
                               {"A004", "Umbrella", "Pharma", "FR"}};
  for (const auto& a : accounts) {
    account.bind(1, std::string_view(a[0])).bind(2, std::string_view(a[1])).bind(3, std::string_view(a[2]));
    account.bind(4, std::string_view(a[3]));
    account.run();
  }
  auto contact = db.prepare(
      "INSERT INTO contact (external_id, account_id, name) VALUES (?, (SELECT id FROM account WHERE external_id = "
      "'A001'), ?)");
  contact.bind(1, std::string_view("C001")).bind(2, std::string_view("Dana Scully")).run();
  contact.bind(1, std::string_view("C002")).bind(2, std::string_view("Fox Mulder")).run();

  auto opportunity = db.prepare(
      "INSERT INTO opportunity (external_id, account_id, owner_rep_id, name, type, stage_id, amount, currency, "
      "created_date, close_date, forecast_category) VALUES (?, (SELECT id FROM account WHERE external_id = ?), "
      "(SELECT id FROM rep WHERE external_id = ?), ?, 'new_business', ?, ?, 'USD', '2026-01-05', ?, 'pipeline')");
  struct Opp {
    const char *id, *account, *rep, *name, *stage;
    std::int64_t cents;
    const char* close;
  };
  const Opp opps[] = {{"O001", "A001", "R001", "Acme renewal", "Prospecting", 500000, "2026-03-31"},
                      {"O002", "A002", "R002", "Globex expansion", "Proposal", 12000000, "2026-04-30"},
                      {"O003", "A003", "R003", "Initech platform", "Negotiation", 75050, "2026-05-15"},
                      {"O004", "A001", "R001", "Acme add-on", "Closed Won", 3000000, "2026-02-28"},
                      {"O005", "A004", "R002", "Umbrella pilot", "Qualification", 990000, "2026-06-30"},
                      {"O006", "A003", "R003", "Initech services", "Closed Lost", 1, "2026-01-31"}};
  for (const auto& o : opps) {
    opportunity.bind(1, std::string_view(o.id)).bind(2, std::string_view(o.account)).bind(3, std::string_view(o.rep));
    opportunity.bind(4, std::string_view(o.name)).bind(5, stage(o.stage)).bind(6, o.cents);
    opportunity.bind(7, std::string_view(o.close));
    opportunity.run();
  }
  auto quota = db.prepare(
      "INSERT INTO quota (rep_id, period_start, period_end, amount, currency) VALUES ((SELECT id FROM rep WHERE "
      "external_id = ?), '2026-01-01', '2026-03-31', 25000000, 'USD')");
  for (const char* id : {"R001", "R002", "R003"}) quota.bind(1, std::string_view(id)).run();
  transaction.commit();
}

inline QString qs(const std::filesystem::path& path) { return QString::fromStdString(path.string()); }

// Selects a page in the window's navigation by its key ("territories"), as a click would; screens other than
// the dashboard load the open workbook when first shown. False when there is no such page.
inline bool showPage(QWidget& window, const QString& key) {
  auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
  if (!navigation) return false;
  for (int row = 0; row < navigation->count(); ++row) {
    if (navigation->item(row)->data(Qt::UserRole).toString() == key) {
      navigation->setCurrentRow(row);
      return true;
    }
  }
  return false;
}

}  // namespace guitest
