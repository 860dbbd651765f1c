#include "views/territories/TerritoriesPage.h"

#include <QComboBox>
#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <map>

#include "charts/TerritoryBalanceChart.h"
#include "common/Error.h"
#include "dialogs/TaskProgressDialog.h"
#include "seams/MessageBoxSeam.h"
#include "storage/Workbook.h"
#include "views/territories/TerritoryText.h"

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

QTableWidgetItem* cell(const QString& text, bool number = false) {
  auto* item = new QTableWidgetItem(text);
  if (number) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

}  // namespace

TerritoriesPage::TerritoriesPage(QWidget* parent) : QWidget(parent), undo_(new QUndoStack(this)) {
  setObjectName(QStringLiteral("page-territories"));
  auto* layout = new QVBoxLayout(this);
  auto* bar = new QHBoxLayout;
  model_ = new QComboBox(this);
  model_->setObjectName(QStringLiteral("territory-model"));
  model_->setMinimumContentsLength(24);
  assign_ = new QPushButton(tr("Assign…"), this);
  assign_->setObjectName(QStringLiteral("territory-assign"));
  activate_ = new QPushButton(tr("Activate…"), this);
  activate_->setObjectName(QStringLiteral("territory-activate"));
  rebalance_ = new QPushButton(tr("Rebalance…"), this);
  rebalance_->setObjectName(QStringLiteral("territory-rebalance"));
  undoButton_ = new QPushButton(tr("Undo"), this);
  undoButton_->setObjectName(QStringLiteral("territory-undo"));
  undoButton_->setEnabled(false);
  bar->addWidget(new QLabel(tr("Model"), this));
  bar->addWidget(model_);
  bar->addWidget(assign_);
  bar->addWidget(activate_);
  bar->addWidget(rebalance_);
  bar->addWidget(undoButton_);
  add_ = new QPushButton(tr("Add territory…"), this);
  add_->setObjectName(QStringLiteral("territory-add"));
  remove_ = new QPushButton(tr("Remove territory"), this);
  remove_->setObjectName(QStringLiteral("territory-remove"));
  editRules_ = new QPushButton(tr("Edit rules…"), this);
  editRules_->setObjectName(QStringLiteral("territory-edit-rules"));
  carve_ = new QPushButton(tr("Carve…"), this);
  carve_->setObjectName(QStringLiteral("territory-carve"));
  for (QPushButton* b : {add_, remove_, editRules_, carve_}) bar->addWidget(b);
  bar->addStretch(1);
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("territory-status"));
  bar->addWidget(status_);
  layout->addLayout(bar);

  auto* split = new QSplitter(Qt::Horizontal, this);
  auto* left = new QSplitter(Qt::Vertical, split);
  tree_ = new QTreeWidget(left);
  tree_->setObjectName(QStringLiteral("territory-tree"));
  // In a planning model, Name and Priority are edited in place (double-click); the other columns ignore edits.
  tree_->setHeaderLabels({tr("Territory"), tr("Name"), tr("Type"), tr("Priority"), tr("Owner"), tr("Accounts")});
  rules_ = new QTableWidget(0, 5, left);
  rules_->setObjectName(QStringLiteral("territory-rules"));
  rules_->setHorizontalHeaderLabels({tr("Rule"), tr("Field"), tr("Operator"), tr("Value"), tr("Matches")});
  rules_->horizontalHeader()->setStretchLastSection(true);
  rules_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  rules_->verticalHeader()->hide();
  left->setStretchFactor(0, 3);
  left->setStretchFactor(1, 2);

  auto* right = new QWidget(split);
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->setContentsMargins(0, 0, 0, 0);
  auto* metricBar = new QHBoxLayout;
  metric_ = new QComboBox(right);
  metric_->setObjectName(QStringLiteral("balance-metric"));
  for (std::size_t m = 0; m < salesops::kBalanceMetrics; ++m) {
    metric_->addItem(territorytext::metricLabel(static_cast<salesops::BalanceMetric>(m)), static_cast<int>(m));
  }
  metric_->setCurrentIndex(static_cast<int>(salesops::BalanceMetric::Potential));
  stats_ = new QLabel(right);
  stats_->setObjectName(QStringLiteral("balance-stats"));
  metricBar->addWidget(new QLabel(tr("Balance on"), right));
  metricBar->addWidget(metric_);
  metricBar->addWidget(stats_, 1);
  rightLayout->addLayout(metricBar);
  chart_ = new TerritoryBalanceChart(right);
  rightLayout->addWidget(chart_, 3);
  balanceTable_ = new QTableWidget(0, 9, right);
  balanceTable_->setObjectName(QStringLiteral("balance-table"));
  balanceTable_->setHorizontalHeaderLabels({tr("Territory"), tr("Name"), tr("Owner"), tr("Accounts"), tr("Potential"),
                                            tr("Open pipeline"), tr("Bookings"), tr("Quota"), tr("Reps")});
  balanceTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  balanceTable_->verticalHeader()->hide();
  rightLayout->addWidget(balanceTable_, 2);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 1);
  layout->addWidget(split, 1);

  connect(&watcher_, &QFutureWatcher<std::shared_ptr<const Data>>::finished, this,
          [this] { loaded(watcher_.result()); });
  connect(model_, &QComboBox::activated, this,
          [this](int index) { reload(model_->itemData(index).toString().toStdString()); });
  connect(metric_, &QComboBox::currentIndexChanged, this, [this] { showBalance(); });
  connect(tree_, &QTreeWidget::currentItemChanged, this, [this] { showRules(); });
  connect(assign_, &QPushButton::clicked, this, &TerritoriesPage::assign);
  connect(activate_, &QPushButton::clicked, this, &TerritoriesPage::activate);
  connect(rebalance_, &QPushButton::clicked, this, &TerritoriesPage::rebalance);
  connect(undoButton_, &QPushButton::clicked, undo_, &QUndoStack::undo);
  connect(add_, &QPushButton::clicked, this, &TerritoriesPage::addTerritory);
  connect(remove_, &QPushButton::clicked, this, &TerritoriesPage::removeTerritory);
  connect(editRules_, &QPushButton::clicked, this, &TerritoriesPage::editRules);
  connect(carve_, &QPushButton::clicked, this, &TerritoriesPage::carve);
  connect(tree_, &QTreeWidget::itemChanged, this, &TerritoriesPage::treeItemChanged);
  connect(undo_, &QUndoStack::canUndoChanged, undoButton_, &QPushButton::setEnabled);
  showWorkbook(nullptr);
}

salesops::Date TerritoriesPage::today() const {
  if (today_) return *today_;
  const QDate now = QDate::currentDate();
  return salesops::Date::fromCivil(now.year(), now.month(), now.day());
}

void TerritoriesPage::showWorkbook(salesops::Workbook* workbook) {
  workbook_ = workbook;
  undo_->clear();
  data_.reset();
  tree_->clear();
  rules_->setRowCount(0);
  balanceTable_->setRowCount(0);
  model_->clear();
  for (QPushButton* b : {assign_, activate_, rebalance_, add_, remove_, editRules_, carve_}) b->setEnabled(false);
  if (!workbook) {
    status_->setText(tr("Open or create a workbook to see its territories."));
    return;
  }
  reload({});
}

void TerritoriesPage::reload(const std::string& modelId) {
  if (!workbook_) return;
  status_->setText(tr("Loading territories…"));
  const std::filesystem::path path = workbook_->path();
  const quint64 generation = ++generation_;
  const salesops::Date on = today();
  watcher_.setFuture(QtConcurrent::run([path, generation, modelId, on] {
    auto data = std::make_shared<Data>();
    data->generation = generation;
    try {
      auto connection = salesops::Workbook::open(path, salesops::Workbook::Access::ReadOnly);
      const salesops::Date asOf = connection->settings().asOf.value_or(on);
      salesops::TerritoryService service(*connection);
      data->models = service.models();
      if (data->models.empty()) return std::shared_ptr<const Data>(data);
      std::string id = modelId;
      if (id.empty()) {
        try {
          id = service.modelInForce(asOf);
        } catch (const salesops::Error&) {
          id = data->models.front().id;
        }
      }
      const auto calendar = connection->fiscalCalendar();
      data->period = calendar.year(calendar.fiscalYearOf(asOf));
      data->model = service.loadModel(id);
      data->ruleCounts = service.ruleMatchCounts(id);
      data->accounts = std::make_shared<const std::vector<salesops::territory::Account>>(service.accounts());
      data->balance = service.balance(id, data->period, asOf);
    } catch (const std::exception& e) {
      data->error = QString::fromUtf8(e.what());
    }
    return std::shared_ptr<const Data>(data);
  }));
}

void TerritoriesPage::loaded(const std::shared_ptr<const Data>& data) {
  if (!data || data->generation != generation_) return;
  data_ = data;
  {
    const QSignalBlocker block(model_);
    model_->clear();
    for (const auto& m : data->models) {
      model_->addItem(tr("%1 (%2)").arg(qs(m.id), QString::fromLatin1(salesops::territory::toString(m.status).data())),
                      qs(m.id));
    }
    model_->setCurrentIndex(model_->findData(qs(data->model.id)));
  }
  if (!data->error.isEmpty()) {
    status_->setText(tr("Could not load the territories: %1").arg(data->error));
  } else if (data->models.empty()) {
    status_->setText(tr("No territory models yet: import territory_models.csv and territories.csv."));
  } else {
    status_->setText(tr("%n accounts unassigned", nullptr, static_cast<int>(data->balance.unassignedAccounts)));
  }
  const auto* current = currentModel();
  assign_->setEnabled(current && current->status != salesops::territory::ModelStatus::Planning);
  activate_->setEnabled(current && current->status != salesops::territory::ModelStatus::Active);
  rebalance_->setEnabled(current != nullptr && data->error.isEmpty());
  for (QPushButton* b : {add_, remove_, editRules_, carve_}) b->setEnabled(editable());
  showTree();
  showBalance();
}

const salesops::TerritoryModelRow* TerritoriesPage::currentModel() const {
  if (!data_) return nullptr;
  for (const auto& m : data_->models) {
    if (m.id == data_->model.id) return &m;
  }
  return nullptr;
}

bool TerritoriesPage::selectModel(const QString& modelId) {
  const int index = model_->findData(modelId);
  if (index < 0) return false;
  model_->setCurrentIndex(index);
  reload(modelId.toStdString());
  return true;
}

void TerritoriesPage::selectMetric(salesops::BalanceMetric metric) {
  metric_->setCurrentIndex(metric_->findData(static_cast<int>(metric)));
}

void TerritoriesPage::showTree() {
  const QSignalBlocker block(tree_);  // filling the tree is not an edit
  tree_->clear();
  if (!data_) return;
  std::map<std::string, std::int64_t> accounts;
  for (const auto& row : data_->balance.rows) accounts[row.territoryId] = row.values[0];
  std::map<std::string, QTreeWidgetItem*> items;
  const auto& territories = data_->model.territories;
  // Parents may come after their children in the file: place items once their parent exists.
  std::vector<bool> placed(territories.size(), false);
  for (bool progress = true; progress;) {
    progress = false;
    for (std::size_t i = 0; i < territories.size(); ++i) {
      const auto& t = territories[i];
      if (placed[i] || (!t.parentId.empty() && !items.count(t.parentId))) continue;
      const auto count = accounts.find(t.id);
      const QStringList columns{qs(t.id),         qs(t.name),
                                qs(t.type),       QString::number(t.priority),
                                qs(t.ownerRepId), count == accounts.end() ? QString() : QString::number(count->second)};
      auto* item =
          t.parentId.empty() ? new QTreeWidgetItem(tree_, columns) : new QTreeWidgetItem(items[t.parentId], columns);
      item->setData(0, Qt::UserRole, static_cast<int>(i));
      if (editable()) item->setFlags(item->flags() | Qt::ItemIsEditable);
      items[t.id] = item;
      placed[i] = progress = true;
    }
  }
  tree_->expandAll();
  for (int c = 0; c < tree_->columnCount(); ++c) tree_->resizeColumnToContents(c);
  if (tree_->topLevelItemCount() > 0) tree_->setCurrentItem(tree_->topLevelItem(0));
  showRules();  // the tree's signals are blocked while it fills
}

void TerritoriesPage::showRules() {
  rules_->setRowCount(0);
  const QTreeWidgetItem* item = tree_->currentItem();
  if (!data_ || !item) return;
  const auto index = static_cast<std::size_t>(item->data(0, Qt::UserRole).toInt());
  const auto& territory = data_->model.territories[index];
  int row = 0;
  for (std::size_t r = 0; r < territory.rules.size(); ++r) {
    const auto& rule = territory.rules[r];
    for (std::size_t c = 0; c < rule.conditions.size(); ++c) {
      const auto& condition = rule.conditions[c];
      rules_->insertRow(row);
      QString label = c == 0 ? qs(rule.id) : QString();
      if (!condition.negatedGroup.empty()) label += tr(" NOT %1").arg(qs(condition.negatedGroup));
      rules_->setItem(row, 0, cell(label.trimmed()));
      rules_->setItem(row, 1, cell(QString::fromLatin1(salesops::territory::toString(condition.field).data())));
      rules_->setItem(row, 2, cell(QString::fromLatin1(salesops::territory::toString(condition.op).data())));
      rules_->setItem(row, 3, cell(qs(condition.value)));
      // The count is the rule's (all its conditions together), shown on its first line.
      // No counts when the model failed to compile (the status line says why).
      const bool counted = c == 0 && index < data_->ruleCounts.size() && r < data_->ruleCounts[index].size();
      rules_->setItem(
          row, 4,
          cell(counted ? QLocale().toString(static_cast<qlonglong>(data_->ruleCounts[index][r])) : QString(), true));
      ++row;
    }
  }
  rules_->resizeColumnsToContents();
}

void TerritoriesPage::showBalance() {
  balanceTable_->setRowCount(0);
  if (!data_ || !data_->error.isEmpty()) return;
  const auto& report = data_->balance;
  const auto metric = static_cast<salesops::BalanceMetric>(metric_->currentData().toInt());
  balanceTable_->setRowCount(static_cast<int>(report.rows.size()));
  for (int r = 0; r < balanceTable_->rowCount(); ++r) {
    const auto& row = report.rows[static_cast<std::size_t>(r)];
    balanceTable_->setItem(r, 0, cell(qs(row.territoryId)));
    balanceTable_->setItem(r, 1, cell(qs(row.name)));
    balanceTable_->setItem(r, 2, cell(qs(row.ownerRepId)));
    for (std::size_t m = 0; m < salesops::kBalanceMetrics; ++m) {
      balanceTable_->setItem(
          r, static_cast<int>(3 + m),
          cell(territorytext::value(row.values[m], static_cast<salesops::BalanceMetric>(m), report), true));
    }
  }
  balanceTable_->resizeColumnsToContents();
  stats_->setText(tr("%1 · %2").arg(territorytext::imbalance(report, metric), qs(report.period.toString())));
  chart_->setBalance(report, metric);
}

void TerritoriesPage::assign() {
  if (!workbook_ || !data_) return;
  const std::string modelId = data_->model.id;
  const salesops::Date on = today();
  std::optional<salesops::AssignmentPlan> plan;
  auto outcome = TaskProgressDialog::run(this, tr("Assigning"), [&](const salesops::LongTask& task) {
    plan = salesops::TerritoryService(*workbook_, task).planAssignment(modelId, on);
  });
  if (!outcome.ok) {
    if (!outcome.cancelled) MessageBoxSeam::warning(this, tr("Assign"), outcome.error);
    return;
  }
  const auto answer = MessageBoxSeam::question(
      this, tr("Assign"),
      tr("Model %1 from %2: %3 of %4 accounts change territory, %5 match none. Write the assignment?")
          .arg(qs(modelId), qs(on.toString()))
          .arg(plan->changes.size())
          .arg(plan->accounts)
          .arg(plan->unassigned.size()));
  if (answer != QMessageBox::Yes) return;
  outcome = TaskProgressDialog::run(this, tr("Assigning"), [&](const salesops::LongTask& task) {
    salesops::TerritoryService(*workbook_, task).applyAssignment(*plan, on);
  });
  if (!outcome.ok && !outcome.cancelled) MessageBoxSeam::warning(this, tr("Assign"), outcome.error);
  reload(modelId);
}

void TerritoriesPage::activate() {
  if (!workbook_ || !data_) return;
  bool ok = false;
  const QString text =
      QInputDialog::getText(this, tr("Activate %1").arg(qs(data_->model.id)), tr("First day in force (YYYY-MM-DD):"),
                            QLineEdit::Normal, qs(today().toString()), &ok);
  if (!ok) return;
  std::string why;
  const auto from = salesops::parseDate(text.trimmed().toStdString(), &why);
  if (!from) {
    MessageBoxSeam::warning(this, tr("Activate"), qs(why));
    return;
  }
  const std::string modelId = data_->model.id;
  const salesops::Date on = today();
  const auto outcome = TaskProgressDialog::run(this, tr("Activating"), [&](const salesops::LongTask& task) {
    salesops::TerritoryService(*workbook_, task).activate(modelId, *from, on);
  });
  if (!outcome.ok && !outcome.cancelled) MessageBoxSeam::warning(this, tr("Activate"), outcome.error);
  undo_->clear();  // an activation is not undoable, and earlier applies may no longer be either
  reload(modelId);
}
