#include "views/territories/RuleEditorDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

#include "common/Error.h"
#include "territory/RuleMatch.h"

namespace {

using salesops::territory::AccountField;
using salesops::territory::RuleOperator;

constexpr int kFields = 8;     // AccountField values
constexpr int kOperators = 7;  // RuleOperator values

QString latin(std::string_view text) { return QString::fromLatin1(text.data(), static_cast<qsizetype>(text.size())); }

QComboBox* combo(QWidget* parent, bool fields) {
  auto* box = new QComboBox(parent);
  for (int i = 0; i < (fields ? kFields : kOperators); ++i) {
    box->addItem(fields ? latin(salesops::territory::toString(static_cast<AccountField>(i)))
                        : latin(salesops::territory::toString(static_cast<RuleOperator>(i))),
                 i);
  }
  return box;
}

QString text(const QTableWidget* table, int row, int column) {
  const QTableWidgetItem* item = table->item(row, column);
  return item ? item->text().trimmed() : QString();
}

}  // namespace

RuleEditorDialog::RuleEditorDialog(const salesops::territory::Territory& territory,
                                   std::shared_ptr<const std::vector<salesops::territory::Account>> accounts,
                                   int minorDigits, QWidget* parent)
    : QDialog(parent), territoryId_(territory.id), accounts_(std::move(accounts)), minorDigits_(minorDigits) {
  setObjectName(QStringLiteral("rule-editor"));
  setWindowTitle(tr("Rules of %1").arg(QString::fromStdString(territory.id)));
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  priority_ = new QSpinBox(this);
  priority_->setObjectName(QStringLiteral("rule-priority"));
  priority_->setRange(0, 1000000);
  priority_->setValue(static_cast<int>(territory.priority));
  form->addRow(tr("Territory priority (higher wins overlaps)"), priority_);
  layout->addLayout(form);
  auto* help = new QLabel(tr("Rows with the same rule are AND-ed; different rules are OR-ed. Rows naming a NOT "
                             "group exclude the accounts matching all rows of that group."),
                          this);
  help->setWordWrap(true);
  layout->addWidget(help);
  table_ = new QTableWidget(0, 6, this);
  table_->setObjectName(QStringLiteral("rule-table"));
  table_->setHorizontalHeaderLabels(
      {tr("Rule"), tr("NOT group"), tr("Field"), tr("Operator"), tr("Value"), tr("Rule matches")});
  table_->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
  table_->verticalHeader()->hide();
  layout->addWidget(table_, 1);
  auto* rowButtons = new QHBoxLayout;
  auto* addRule = new QPushButton(tr("Add rule"), this);
  addRule->setObjectName(QStringLiteral("rule-add-rule"));
  auto* addConditionButton = new QPushButton(tr("Add condition"), this);
  addConditionButton->setObjectName(QStringLiteral("rule-add-condition"));
  auto* remove = new QPushButton(tr("Remove condition"), this);
  remove->setObjectName(QStringLiteral("rule-remove-condition"));
  rowButtons->addWidget(addRule);
  rowButtons->addWidget(addConditionButton);
  rowButtons->addWidget(remove);
  rowButtons->addStretch(1);
  layout->addLayout(rowButtons);
  summary_ = new QLabel(this);
  summary_->setObjectName(QStringLiteral("rule-summary"));
  layout->addWidget(summary_);
  problem_ = new QLabel(this);
  problem_->setObjectName(QStringLiteral("rule-problem"));
  problem_->setWordWrap(true);
  problem_->setStyleSheet(QStringLiteral("color: #b00020;"));
  layout->addWidget(problem_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  ok_ = buttons->button(QDialogButtonBox::Ok);
  ok_->setObjectName(QStringLiteral("rule-ok"));
  layout->addWidget(buttons);

  for (const auto& rule : territory.rules) {
    for (const auto& condition : rule.conditions) addRow(QString::fromStdString(rule.id), condition);
  }
  connect(addRule, &QPushButton::clicked, this, [this] { addCondition(true); });
  connect(addConditionButton, &QPushButton::clicked, this, [this] { addCondition(false); });
  connect(remove, &QPushButton::clicked, this, &RuleEditorDialog::removeSelectedCondition);
  connect(table_, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
    if (item->column() != MatchesColumn) refresh();
  });
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  resize(760, 480);
  refresh();
}

void RuleEditorDialog::addRow(const QString& rule, const salesops::territory::Condition& condition) {
  const QSignalBlocker block(table_);
  const int row = table_->rowCount();
  table_->insertRow(row);
  table_->setItem(row, RuleColumn, new QTableWidgetItem(rule));
  table_->setItem(row, GroupColumn, new QTableWidgetItem(QString::fromStdString(condition.negatedGroup)));
  auto* field = combo(table_, true);
  field->setCurrentIndex(static_cast<int>(condition.field));
  auto* op = combo(table_, false);
  op->setCurrentIndex(static_cast<int>(condition.op));
  table_->setCellWidget(row, FieldColumn, field);
  table_->setCellWidget(row, OperatorColumn, op);
  table_->setItem(row, ValueColumn, new QTableWidgetItem(QString::fromStdString(condition.value)));
  auto* matches = new QTableWidgetItem;
  matches->setFlags(matches->flags() & ~Qt::ItemIsEditable);
  matches->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  table_->setItem(row, MatchesColumn, matches);
  connect(field, &QComboBox::currentIndexChanged, this, &RuleEditorDialog::refresh);
  connect(op, &QComboBox::currentIndexChanged, this, &RuleEditorDialog::refresh);
}

void RuleEditorDialog::addCondition(bool newRule) {
  QString rule;
  const int current = table_->currentRow();
  if (!newRule && current >= 0) rule = text(table_, current, RuleColumn);
  if (rule.isEmpty()) {
    // r1, r2, ...: the first number no rule uses yet.
    int n = 1;
    const auto taken = [&](const QString& id) {
      for (int r = 0; r < table_->rowCount(); ++r)
        if (text(table_, r, RuleColumn) == id) return true;
      return false;
    };
    while (taken(QStringLiteral("r%1").arg(n))) ++n;
    rule = QStringLiteral("r%1").arg(n);
  }
  addRow(rule, {AccountField::Country, RuleOperator::Eq, {}});
  table_->setCurrentCell(table_->rowCount() - 1, ValueColumn);
  refresh();
}

void RuleEditorDialog::removeSelectedCondition() {
  const int row = table_->currentRow();
  if (row < 0) return;
  table_->removeRow(row);
  refresh();
}

void RuleEditorDialog::setField(int row, const QString& field) {
  auto* box = qobject_cast<QComboBox*>(table_->cellWidget(row, FieldColumn));
  if (box) box->setCurrentIndex(box->findText(field));
}

void RuleEditorDialog::setOperator(int row, const QString& op) {
  auto* box = qobject_cast<QComboBox*>(table_->cellWidget(row, OperatorColumn));
  if (box) box->setCurrentIndex(box->findText(op));
}

std::vector<salesops::territory::Rule> RuleEditorDialog::rules() const {
  std::vector<salesops::territory::Rule> out;
  for (int row = 0; row < table_->rowCount(); ++row) {
    const std::string id = text(table_, row, RuleColumn).toStdString();
    auto rule = std::find_if(out.begin(), out.end(), [&](const auto& r) { return r.id == id; });
    if (rule == out.end()) rule = out.insert(out.end(), salesops::territory::Rule{id, {}});
    salesops::territory::Condition c;
    const auto* field = qobject_cast<const QComboBox*>(table_->cellWidget(row, FieldColumn));
    const auto* op = qobject_cast<const QComboBox*>(table_->cellWidget(row, OperatorColumn));
    c.field = static_cast<AccountField>(field ? field->currentData().toInt() : 0);
    c.op = static_cast<RuleOperator>(op ? op->currentData().toInt() : 0);
    c.value = text(table_, row, ValueColumn).toStdString();
    c.negatedGroup = text(table_, row, GroupColumn).toStdString();
    rule->conditions.push_back(std::move(c));
  }
  return out;
}

std::int64_t RuleEditorDialog::priority() const { return priority_->value(); }

std::int64_t RuleEditorDialog::matchesOfRow(int row) const {
  return row >= 0 && static_cast<std::size_t>(row) < rowMatches_.size() ? rowMatches_[row] : -1;
}

void RuleEditorDialog::refresh() {
  const auto rules = this->rules();
  rowMatches_.assign(static_cast<std::size_t>(table_->rowCount()), -1);
  QString problem;
  std::vector<std::int64_t> counts;
  QElapsedTimer timer;
  timer.start();
  try {
    salesops::territory::checkRuleList(rules, "territory " + territoryId_);
    for (const auto& rule : rules) {
      const std::string where = "territory " + territoryId_ + " rule " + rule.id;
      const salesops::territory::RuleMatcher matcher(rule, minorDigits_, where);
      counts.push_back(accounts_ ? matcher.count(*accounts_) : 0);
    }
  } catch (const std::exception& e) {
    problem = QString::fromUtf8(e.what());
  }
  valid_ = problem.isEmpty();
  {
    const QSignalBlocker block(table_);
    for (int row = 0; row < table_->rowCount(); ++row) {
      const std::string id = text(table_, row, RuleColumn).toStdString();
      const auto found = std::find_if(rules.begin(), rules.end(), [&](const auto& r) { return r.id == id; });
      const auto index = static_cast<std::size_t>(found - rules.begin());
      if (valid_ && index < counts.size()) rowMatches_[row] = counts[index];
      if (QTableWidgetItem* item = table_->item(row, MatchesColumn))
        item->setText(rowMatches_[row] < 0 ? QString() : QLocale().toString(static_cast<qlonglong>(rowMatches_[row])));
    }
  }
  problem_->setText(problem);
  ok_->setEnabled(valid_);
  summary_->setText(valid_ ? tr("Matches counted on %1 accounts in %2 ms")
                                 .arg(QLocale().toString(static_cast<qlonglong>(accounts_ ? accounts_->size() : 0)))
                                 .arg(timer.elapsed())
                           : QString());
}
