#include "views/compensation/PlanEditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "charts/PayoutCurveChart.h"
#include "common/Currency.h"
#include "common/Decimal.h"
#include "common/Error.h"
#include "comp/CompPlanParser.h"
#include "comp/CompPlanWriter.h"
#include "comp/ExactMoney.h"
#include "services/CompService.h"
#include "storage/CompStore.h"
#include "storage/Workbook.h"
#include "views/compensation/PlanForm.h"

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

int digitsOf(salesops::Workbook* workbook) {
  return workbook ? salesops::minorDigits(workbook->settings().currency) : 2;
}

}  // namespace

PlanEditor::PlanEditor(QWidget* parent) : QWidget(parent) {
  plans_ = new QListWidget(this);
  plans_->setObjectName(QStringLiteral("comp-plans"));
  component_ = new QComboBox(this);
  component_->setObjectName(QStringLiteral("comp-component"));
  semantics_ = new QComboBox(this);
  semantics_->setObjectName(QStringLiteral("comp-semantics"));
  semantics_->addItem(tr("Marginal (tax-bracket style)"), QStringLiteral("marginal"));
  semantics_->addItem(tr("Retroactive (highest tier reached pays on everything)"), QStringLiteral("retroactive"));
  rates_ = new QTableWidget(0, 2, this);
  rates_->setObjectName(QStringLiteral("comp-rate-table"));
  rates_->setHorizontalHeaderLabels({tr("From attainment"), tr("Rate")});
  rates_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  auto* addRow = new QPushButton(tr("Add tier"), this);
  auto* removeRow = new QPushButton(tr("Remove tier"), this);
  quota_ = new QLineEdit(QStringLiteral("1000000.00"), this);
  quota_->setObjectName(QStringLiteral("comp-curve-quota"));
  summary_ = new QLabel(this);
  summary_->setWordWrap(true);
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("comp-plan-status"));
  status_->setWordWrap(true);
  save_ = new QPushButton(tr("Save version"), this);
  save_->setToolTip(tr("Store the edited plan as the version in force from the effective date"));
  effective_ = new QLineEdit(this);
  effective_->setObjectName(QStringLiteral("comp-plan-effective-from"));
  effective_->setPlaceholderText(QStringLiteral("YYYY-MM-DD"));
  form_ = new PlanForm(this);
  save_->setObjectName(QStringLiteral("comp-save-plan"));
  chart_ = new PayoutCurveChart(this);

  auto* form = new QFormLayout;
  form->addRow(tr("Component"), component_);
  form->addRow(tr("Tiers"), semantics_);
  auto* rowButtons = new QHBoxLayout;
  rowButtons->addWidget(addRow);
  rowButtons->addWidget(removeRow);
  rowButtons->addStretch();
  auto* rateEditor = new QWidget(this);
  auto* rateLayout = new QVBoxLayout(rateEditor);
  rateLayout->addLayout(form);
  rateLayout->addWidget(rates_, 1);
  rateLayout->addLayout(rowButtons);
  auto* tabs = new QTabWidget(this);
  tabs->setObjectName(QStringLiteral("comp-plan-tabs"));
  tabs->addTab(form_, tr("Plan and components"));
  tabs->addTab(rateEditor, tr("Rate tables"));
  auto* editor = new QWidget(this);
  auto* editorLayout = new QVBoxLayout(editor);
  editorLayout->addWidget(summary_);
  editorLayout->addWidget(tabs, 1);
  auto* bottom = new QFormLayout;
  bottom->addRow(tr("Quota per period for the curve"), quota_);
  auto* saveRow = new QHBoxLayout;
  saveRow->addWidget(effective_, 1);
  saveRow->addWidget(save_);
  bottom->addRow(tr("Effective from"), saveRow);
  editorLayout->addLayout(bottom);
  editorLayout->addWidget(status_);

  auto* splitter = new QSplitter(this);
  splitter->addWidget(plans_);
  splitter->addWidget(editor);
  splitter->addWidget(chart_);
  // The curve is what the user watches while typing: it gets the room, the list and the grid stay narrow.
  plans_->setMinimumWidth(160);
  chart_->setMinimumWidth(420);
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 1);
  splitter->setStretchFactor(2, 2);
  splitter->setSizes({180, 640, 580});  // the components grid needs the width of its eight columns
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(splitter);

  connect(plans_, &QListWidget::currentRowChanged, this, [this] { loadPlan(); });
  connect(component_, &QComboBox::currentIndexChanged, this, [this] { loadComponent(); });
  connect(semantics_, &QComboBox::currentIndexChanged, this, [this] { refreshCurve(); });
  connect(rates_, &QTableWidget::cellChanged, this, [this] { refreshCurve(); });
  connect(quota_, &QLineEdit::textChanged, this, [this] { refreshCurve(); });
  connect(addRow, &QPushButton::clicked, this, [this] {
    const int row = rates_->rowCount();
    loading_ = true;
    rates_->insertRow(row);
    rates_->setItem(row, 0, new QTableWidgetItem(row == 0 ? QStringLiteral("0") : QString()));
    rates_->setItem(row, 1, new QTableWidgetItem(QStringLiteral("0")));
    loading_ = false;
  });
  connect(removeRow, &QPushButton::clicked, this, [this] {
    if (rates_->rowCount() > 1)
      rates_->removeRow(rates_->currentRow() >= 0 ? rates_->currentRow() : rates_->rowCount() - 1);
    refreshCurve();
  });
  connect(save_, &QPushButton::clicked, this, [this] { save(); });
  connect(form_, &PlanForm::changed, this, [this] {
    listCommissions();
    refreshCurve();
  });
}

void PlanEditor::showWorkbook(salesops::Workbook* workbook) {
  workbook_ = workbook;
  const QString current = plans_->currentItem() ? plans_->currentItem()->data(Qt::UserRole).toString() : QString();
  loading_ = true;
  plans_->clear();
  if (workbook_) {
    try {
      QString last;
      for (const auto& p : salesops::CompService(*workbook_).plans()) {
        if (qs(p.planId) == last) continue;  // one entry per plan: the editor edits its newest version
        last = qs(p.planId);
        auto* item = new QListWidgetItem(p.name.empty() ? last : tr("%1 — %2").arg(last, qs(p.name)), plans_);
        item->setData(Qt::UserRole, last);
      }
    } catch (const std::exception& e) {
      status_->setText(tr("Could not read the plans: %1").arg(QString::fromUtf8(e.what())));
    }
  }
  loading_ = false;
  if (!selectPlan(current) && plans_->count() > 0) plans_->setCurrentRow(0);
  if (plans_->count() == 0) {
    stored_.reset();
    summary_->setText(workbook_ ? tr("No plans yet: import one with salesops-cli comp WORKBOOK plan-import FILE.json")
                                : QString());
    component_->clear();
    rates_->setRowCount(0);
    chart_->setCurves({}, {}, 2);
  }
}

bool PlanEditor::selectPlan(const QString& planId) {
  for (int i = 0; i < plans_->count(); ++i) {
    if (plans_->item(i)->data(Qt::UserRole).toString() == planId) {
      plans_->setCurrentRow(i);
      loadPlan();
      return true;
    }
  }
  return false;
}

void PlanEditor::loadPlan() {
  if (loading_ || !workbook_ || !plans_->currentItem()) return;
  const QString id = plans_->currentItem()->data(Qt::UserRole).toString();
  try {
    stored_ = salesops::CompService(*workbook_).plan(id.toStdString());
  } catch (const salesops::Error& e) {
    stored_.reset();
    status_->setText(QString::fromStdString(e.describe()));
    return;
  }
  const int digits = digitsOf(workbook_);
  summary_->setText(tr("%1: paid per %2, base %3, on-target variable %4, effective from %5")
                        .arg(qs(stored_->planId),
                             stored_->payoutPeriod == salesops::comp::PayoutPeriod::Month ? tr("month") : tr("quarter"),
                             qs(salesops::formatMoney(stored_->baseSalary, digits)),
                             qs(salesops::formatMoney(stored_->targetVariable, digits)),
                             qs(stored_->effectiveFrom.toString())));
  form_->setJson(stored_->json);
  // Default: edit the version in place unless a locked period would change; then the day after the last lock.
  salesops::Date from = stored_->effectiveFrom;
  for (const auto& p : salesops::CompStore(workbook_->db()).periods()) {
    if (p.status == salesops::PeriodStatus::Locked && p.period.end >= from) from = p.period.end.addDays(1);
  }
  effective_->setText(qs(from.toString()));
  component_->clear();
  listCommissions();
  loadComponent();
}

void PlanEditor::listCommissions() {
  QStringList ids;
  const std::string& json = form_->json();
  for (std::size_t i = 0; i < salesops::comp::componentCount(json); ++i) {
    const std::string at = "components[" + std::to_string(i) + "].";
    if (salesops::comp::memberText(json, at + "kind").value_or("") == "commission")
      ids << qs(salesops::comp::memberText(json, at + "id").value_or(""));
  }
  QStringList listed;
  for (int i = 0; i < component_->count(); ++i) listed << component_->itemData(i).toString();
  if (ids == listed) return;
  const QString current = component_->currentData().toString();
  loading_ = true;
  component_->clear();
  for (const QString& id : ids) component_->addItem(id, id);
  const int keep = component_->findData(current);
  if (keep >= 0) component_->setCurrentIndex(keep);
  loading_ = false;
  if (keep < 0) loadComponent();
}

void PlanEditor::loadComponent() {
  if (loading_ || !stored_) return;
  loading_ = true;
  rates_->setRowCount(0);
  const QString id = component_->currentData().toString();
  salesops::comp::CompPlan shown = *stored_;
  try {
    shown = salesops::comp::parseCompPlan(form_->json(), "plans/" + stored_->planId + ".json", digitsOf(workbook_));
  } catch (const salesops::Error&) {
    // The form is mid-edit and not a valid plan: show the stored tiers.
  }
  for (const auto& c : shown.components) {
    if (qs(c.id) != id || c.kind != salesops::comp::ComponentKind::Commission) continue;
    semantics_->setCurrentIndex(c.semantics == salesops::comp::TierSemantics::Marginal ? 0 : 1);
    for (const auto& t : c.tiers) {
      const int row = rates_->rowCount();
      rates_->insertRow(row);
      rates_->setItem(row, 0, new QTableWidgetItem(qs(salesops::Decimal{t.fromMicro, 6}.toString())));
      rates_->setItem(row, 1, new QTableWidgetItem(qs(salesops::Decimal{t.rateNano, 9}.toString())));
    }
  }
  const bool editable = component_->count() > 0;
  rates_->setEnabled(editable);
  semantics_->setEnabled(editable);
  loading_ = false;
  refreshCurve();
}

std::optional<salesops::comp::CompPlan> PlanEditor::editedPlan() {
  if (!stored_) return std::nullopt;
  std::vector<salesops::comp::Tier> tiers;
  for (int row = 0; row < rates_->rowCount(); ++row) {
    const auto cell = [&](int column) {
      const QTableWidgetItem* item = rates_->item(row, column);
      return item ? item->text().trimmed().toStdString() : std::string();
    };
    std::string why;
    const auto from = salesops::parseDecimal(cell(0), &why);
    const auto fromMicro = from ? salesops::comp::toScaled(*from, 6) : std::nullopt;
    const auto rate = salesops::parseDecimal(cell(1), &why);
    const auto rateNano = rate ? salesops::comp::toScaled(*rate, 9) : std::nullopt;
    if (!fromMicro || !rateNano) {
      status_->setText(tr("Tier %1: \"%2\" / \"%3\" is not an attainment and a rate (e.g. 0.5 and 0.06)")
                           .arg(row + 1)
                           .arg(qs(cell(0)), qs(cell(1))));
      return std::nullopt;
    }
    tiers.push_back({*fromMicro, *rateNano});
  }
  try {
    const auto semantics = semantics_->currentIndex() == 0 ? salesops::comp::TierSemantics::Marginal
                                                           : salesops::comp::TierSemantics::Retroactive;
    const std::string json =
        component_->count() == 0 || tiers.empty()
            ? form_->json()
            : salesops::comp::withRateTable(form_->json(), component_->currentData().toString().toStdString(),
                                            semantics, tiers);
    auto plan = salesops::comp::parseCompPlan(json, "plans/" + stored_->planId + ".json", digitsOf(workbook_));
    form_->markError({});
    status_->clear();
    return plan;
  } catch (const salesops::Error& e) {
    const QString field = form_->markError(e.where().column);
    status_->setText(field.isEmpty() ? QString::fromStdString(e.describe())
                                     : tr("%1: %2").arg(field, QString::fromStdString(e.message())));
    return std::nullopt;
  }
}

void PlanEditor::refreshCurve() {
  if (loading_ || !stored_) return;
  const int digits = digitsOf(workbook_);
  std::string why;
  const auto quota = salesops::parseMoney(quota_->text().trimmed().toStdString(), digits, &why);
  if (!quota || *quota <= 0) {
    status_->setText(tr("Quota for the curve: %1").arg(why.empty() ? tr("must be above 0") : qs(why)));
    return;
  }
  const auto edited = editedPlan();
  chart_->setCurves(salesops::CompService::curve(*stored_, *quota),
                    edited ? salesops::CompService::curve(*edited, *quota) : std::vector<salesops::CurvePoint>{},
                    digits);
}

bool PlanEditor::save() {
  if (!workbook_ || workbook_->readOnly()) return false;
  const auto edited = editedPlan();
  if (!edited) return false;
  std::string why;
  const auto from = salesops::parseDate(effective_->text().trimmed().toStdString(), &why);
  if (!from) {
    status_->setText(tr("Effective from: %1").arg(qs(why)));
    return false;
  }
  salesops::comp::CompPlan saved;
  try {
    for (const auto& p : salesops::CompStore(workbook_->db()).periods()) {
      if (p.status != salesops::PeriodStatus::Locked || p.period.end < *from) continue;
      status_->setText(tr("%1 is locked: a version from %2 would change how it was paid. Choose an effective date "
                          "after %3.")
                           .arg(qs(p.period.toString()), qs(from->toString()), qs(p.period.end.toString())));
      return false;
    }
    const std::string json = salesops::comp::withEffectiveFrom(edited->json, *from);
    saved = salesops::CompService(*workbook_).importPlan(json, "plans/" + edited->planId + ".json");
  } catch (const salesops::Error& e) {
    status_->setText(QString::fromStdString(e.describe()));
    return false;
  }
  stored_ = saved;
  form_->setJson(saved.json);
  status_->setText(tr("Saved plan %1 in force from %2.").arg(qs(saved.planId), qs(saved.effectiveFrom.toString())));
  refreshCurve();
  return true;
}
