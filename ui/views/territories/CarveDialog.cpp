#include "views/territories/CarveDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "dialogs/TaskProgressDialog.h"
#include "seams/MessageBoxSeam.h"
#include "views/territories/TerritoryText.h"

CarveDialog::CarveDialog(salesops::Workbook& workbook, const salesops::territory::Model& model,
                         const std::string& parentId, salesops::Period period, QWidget* parent)
    : QDialog(parent), workbook_(workbook), modelId_(model.id), parentId_(parentId), period_(period) {
  setObjectName(QStringLiteral("carve-dialog"));
  setWindowTitle(tr("Carve territories under %1").arg(QString::fromStdString(parentId)));
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  count_ = new QSpinBox(this);
  count_->setObjectName(QStringLiteral("carve-count"));
  count_->setRange(2, 1000);
  count_->setValue(2);
  metric_ = new QComboBox(this);
  metric_->setObjectName(QStringLiteral("carve-metric"));
  for (auto m : {salesops::BalanceMetric::Potential, salesops::BalanceMetric::Accounts,
                 salesops::BalanceMetric::Pipeline, salesops::BalanceMetric::Bookings})
    metric_->addItem(territorytext::metricLabel(m), static_cast<int>(m));
  from_ = new QComboBox(this);
  from_->setObjectName(QStringLiteral("carve-from"));
  for (const auto& t : model.territories) from_->addItem(QString::fromStdString(t.id));
  from_->setCurrentText(QString::fromStdString(parentId));
  auto* proposeButton = new QPushButton(tr("Propose"), this);
  proposeButton->setObjectName(QStringLiteral("carve-propose"));
  form->addRow(tr("New territories"), count_);
  form->addRow(tr("Balance on"), metric_);
  form->addRow(tr("Accounts of"), from_);
  form->addRow(QString(), proposeButton);
  layout->addLayout(form);
  // Lines are broken by hand: a word-wrapped label gets too little height above a stretching table.
  summary_ = new QLabel(tr("Accounts are taken in order of region and postal code and cut into runs\n"
                           "of even totals; named accounts stay where they are."),
                        this);
  summary_->setObjectName(QStringLiteral("carve-summary"));
  layout->addWidget(summary_);
  table_ = new QTableWidget(0, 4, this);
  table_->setObjectName(QStringLiteral("carve-territories"));
  table_->setHorizontalHeaderLabels({tr("Territory"), tr("Accounts"), tr("Total"), tr("Naive split")});
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  layout->addWidget(table_, 1);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  apply_ = buttons->addButton(tr("Apply"), QDialogButtonBox::AcceptRole);
  apply_->setObjectName(QStringLiteral("carve-apply"));
  apply_->setEnabled(false);
  layout->addWidget(buttons);
  // A proposal no longer matches once a setting changes.
  const auto stale = [this] {
    proposal_.reset();
    apply_->setEnabled(false);
  };
  connect(count_, &QSpinBox::valueChanged, this, stale);
  connect(metric_, &QComboBox::currentIndexChanged, this, stale);
  connect(from_, &QComboBox::currentIndexChanged, this, stale);
  connect(proposeButton, &QPushButton::clicked, this, &CarveDialog::propose);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  resize(600, 480);
}

void CarveDialog::setCount(int count) { count_->setValue(count); }
void CarveDialog::setFromTerritory(const QString& territoryId) { from_->setCurrentText(territoryId); }

void CarveDialog::propose() {
  salesops::CarveRequest request;
  request.modelId = modelId_;
  request.parentId = parentId_;
  request.fromTerritory = from_->currentText().toStdString();
  request.count = count_->value();
  request.metric = static_cast<salesops::BalanceMetric>(metric_->currentData().toInt());
  request.period = period_;
  std::optional<salesops::CarveProposal> result;
  const auto outcome = TaskProgressDialog::run(this, tr("Carving"), [&](const salesops::LongTask& task) {
    result = salesops::TerritoryService(workbook_, task).proposeCarve(request);
  });
  if (!outcome.ok) {
    if (!outcome.cancelled) MessageBoxSeam::warning(this, tr("Carve"), outcome.error);
    return;
  }
  proposal_ = std::move(result);
  showProposal();
}

void CarveDialog::showProposal() {
  const auto& p = *proposal_;
  table_->setRowCount(static_cast<int>(p.territories.size()));
  for (int r = 0; r < table_->rowCount(); ++r) {
    const auto k = static_cast<std::size_t>(r);
    const QString cells[] = {QString::fromStdString(p.territories[k].id),
                             QLocale().toString(static_cast<qlonglong>(p.territories[k].namedAccounts.size())),
                             territorytext::value(p.totals[k], p.metric, p.before),
                             territorytext::value(p.naiveTotals[k], p.metric, p.before)};
    for (int c = 0; c < 4; ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      if (c > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      table_->setItem(r, c, item);
    }
  }
  table_->resizeColumnsToContents();
  summary_->setText(tr("%1 accounts shared out (%2 named accounts stay).\nNew territories: CV %3; naive split: "
                       "CV %4.\nModel before: %5.\nModel after: %6.")
                        .arg(p.accounts)
                        .arg(p.namedKept)
                        .arg(territorytext::percent(p.carved.cv), territorytext::percent(p.naive.cv),
                             territorytext::imbalance(p.before, p.metric),
                             territorytext::imbalance(p.after, p.metric)));
  apply_->setEnabled(true);
}
