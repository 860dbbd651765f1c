#include "views/territories/RebalanceDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "dialogs/TaskProgressDialog.h"
#include "seams/MessageBoxSeam.h"
#include "views/territories/TerritoryText.h"

RebalanceDialog::RebalanceDialog(salesops::Workbook& workbook, std::string modelId, bool modelIsPlanning,
                                 salesops::Period period, salesops::Date today, QWidget* parent)
    : QDialog(parent), workbook_(workbook), modelId_(std::move(modelId)), period_(period), today_(today) {
  setObjectName(QStringLiteral("rebalance-dialog"));
  setWindowTitle(tr("Rebalance %1").arg(QString::fromStdString(modelId_)));
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  metric_ = new QComboBox(this);
  metric_->setObjectName(QStringLiteral("rebalance-metric"));
  for (auto m : {salesops::BalanceMetric::Potential, salesops::BalanceMetric::Accounts,
                 salesops::BalanceMetric::Pipeline, salesops::BalanceMetric::Bookings})
    metric_->addItem(territorytext::metricLabel(m), static_cast<int>(m));
  maxMoves_ = new QSpinBox(this);
  maxMoves_->setObjectName(QStringLiteral("rebalance-max-moves"));
  maxMoves_->setRange(0, 1000000);
  maxMoves_->setValue(50);
  auto* proposeButton = new QPushButton(tr("Propose moves"), this);
  proposeButton->setObjectName(QStringLiteral("rebalance-propose"));
  form->addRow(tr("Balance on"), metric_);
  form->addRow(tr("At most"), maxMoves_);
  form->addRow(QString(), proposeButton);
  layout->addLayout(form);
  summary_ = new QLabel(tr("Choose a metric and a cap, then propose."), this);
  summary_->setObjectName(QStringLiteral("rebalance-summary"));
  summary_->setWordWrap(true);
  layout->addWidget(summary_);
  moves_ = new QTableWidget(0, 4, this);
  moves_->setObjectName(QStringLiteral("rebalance-moves"));
  moves_->setHorizontalHeaderLabels({tr("Account"), tr("From"), tr("To"), tr("Open pipeline")});
  moves_->horizontalHeader()->setStretchLastSection(true);
  moves_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  layout->addWidget(moves_, 1);
  auto* intoForm = new QFormLayout;
  into_ = new QLineEdit(QString::fromStdString(modelIsPlanning ? modelId_ : modelId_ + "-rebalanced"), this);
  into_->setObjectName(QStringLiteral("rebalance-into"));
  intoForm->addRow(tr("Apply into planning model"), into_);
  layout->addLayout(intoForm);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  apply_ = buttons->addButton(tr("Apply"), QDialogButtonBox::AcceptRole);
  apply_->setObjectName(QStringLiteral("rebalance-apply"));
  apply_->setEnabled(false);
  layout->addWidget(buttons);
  connect(proposeButton, &QPushButton::clicked, this, &RebalanceDialog::propose);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  resize(640, 560);
}

std::string RebalanceDialog::intoModel() const { return into_->text().trimmed().toStdString(); }

void RebalanceDialog::propose() {
  salesops::RebalanceRequest request;
  request.modelId = modelId_;
  request.period = period_;
  request.metrics = {static_cast<salesops::BalanceMetric>(metric_->currentData().toInt())};
  request.maxMoves = maxMoves_->value();
  std::optional<salesops::RebalanceProposal> result;
  const auto outcome = TaskProgressDialog::run(this, tr("Rebalancing"), [&](const salesops::LongTask& task) {
    result = salesops::TerritoryService(workbook_, task).proposeRebalance(request, today_);
  });
  if (!outcome.ok) {
    if (!outcome.cancelled) MessageBoxSeam::warning(this, tr("Rebalance"), outcome.error);
    return;
  }
  proposal_ = std::move(result);
  showProposal();
}

void RebalanceDialog::showProposal() {
  const auto& p = *proposal_;
  moves_->setRowCount(static_cast<int>(p.moves.size()));
  for (int r = 0; r < moves_->rowCount(); ++r) {
    const auto& m = p.moves[static_cast<std::size_t>(r)];
    const QString cells[] = {QString::fromStdString(m.accountId), QString::fromStdString(m.from),
                             QString::fromStdString(m.to), m.openPipeline ? tr("yes") : tr("no")};
    for (int c = 0; c < 4; ++c) moves_->setItem(r, c, new QTableWidgetItem(cells[c]));
  }
  const auto metric = p.metrics.front();
  QString text = tr("%n moves. Before: %1. After: %2.", nullptr, static_cast<int>(p.moves.size()))
                     .arg(territorytext::imbalance(p.before, metric), territorytext::imbalance(p.after, metric));
  for (const auto& relief : p.relief) {
    text +=
        QLatin1Char('\n') + tr("Quota relief for %1 (%2): %3")
                                .arg(QString::fromStdString(relief.repId), QString::fromStdString(relief.territoryId),
                                     territorytext::money(relief.relief, p.before));
  }
  summary_->setText(text);
  apply_->setEnabled(!p.moves.empty());
}
