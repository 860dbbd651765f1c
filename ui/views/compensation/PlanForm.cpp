#include "views/compensation/PlanForm.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <array>
#include <regex>

#include "common/Error.h"
#include "comp/CompPlanWriter.h"

namespace {

using salesops::comp::jsonQuoted;
using salesops::comp::memberText;

QString qs(const std::string& s) { return QString::fromStdString(s); }
std::string text(const QLineEdit* edit) { return edit->text().trimmed().toStdString(); }

// A typed value as JSON: a plain number stays a number, anything else a string (the parser names what is wrong).
std::string numberOrString(const std::string& value) {
  static const std::regex number(R"(-?[0-9]+(\.[0-9]+)?)");
  return std::regex_match(value, number) ? value : jsonQuoted(value);
}

const std::array<const char*, 4> kKinds{"commission", "bonus", "spiff", "override"};
const QColor kBad(0xfd, 0xd8, 0xdc);

}  // namespace

PlanForm::PlanForm(QWidget* parent) : QWidget(parent) {
  const auto edit = [this](const char* objectName, const QString& placeholder) {
    auto* e = new QLineEdit(this);
    e->setObjectName(QLatin1String(objectName));
    e->setPlaceholderText(placeholder);
    return e;
  };
  name_ = edit("plan-name", tr("shown on statements"));
  period_ = new QComboBox(this);
  period_->setObjectName(QStringLiteral("plan-payout-period"));
  period_->addItem(tr("Quarter"), QStringLiteral("quarter"));
  period_->addItem(tr("Month"), QStringLiteral("month"));
  base_ = edit("plan-base-salary", tr("e.g. 120000.00"));
  target_ = edit("plan-target-variable", tr("on-target variable pay, e.g. 80000.00"));
  planCap_ = edit("plan-cap", tr("empty: no cap on the period's total"));
  drawKind_ = new QComboBox(this);
  drawKind_->setObjectName(QStringLiteral("plan-draw-kind"));
  drawKind_->addItem(tr("No draw"), QString());
  drawKind_->addItem(tr("Recoverable"), QStringLiteral("recoverable"));
  drawKind_->addItem(tr("Non-recoverable"), QStringLiteral("non_recoverable"));
  drawAmount_ = edit("plan-draw-amount", tr("per payout period"));
  clawback_ = edit("plan-clawback-days", tr("empty: no clawback"));
  ramp_ = edit("plan-ramp", tr("quota % by tenure month, e.g. 50, 75, 90"));
  components_ = new QTableWidget(0, kColumns, this);
  components_->setObjectName(QStringLiteral("plan-components"));
  components_->setHorizontalHeaderLabels({tr("Id"), tr("Kind"), tr("Basis"), tr("Min attainment"), tr("Amount"),
                                          tr("Rate / percent"), tr("Cap"), tr("SPIFF rule")});
  components_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  components_->horizontalHeader()->setStretchLastSection(true);
  components_->verticalHeader()->hide();
  components_->setToolTip(
      tr("Rate tables are edited in the Rate tables tab; a SPIFF rule reads "
         "type=new_business; min_amount=50000.00 (also stage, lead_source)"));
  newKind_ = new QComboBox(this);
  newKind_->setObjectName(QStringLiteral("plan-new-kind"));
  for (const char* kind : kKinds) newKind_->addItem(QLatin1String(kind));
  auto* add = new QPushButton(tr("Add component"), this);
  auto* remove = new QPushButton(tr("Remove component"), this);
  undo_ = new QPushButton(tr("Undo"), this);
  undo_->setObjectName(QStringLiteral("plan-undo"));
  undo_->setEnabled(false);

  auto* form = new QFormLayout;
  form->addRow(tr("Name"), name_);
  form->addRow(tr("Paid per"), period_);
  form->addRow(tr("Base salary"), base_);
  form->addRow(tr("On-target variable"), target_);
  form->addRow(tr("Plan cap per period"), planCap_);
  auto* draw = new QHBoxLayout;
  draw->addWidget(drawKind_);
  draw->addWidget(drawAmount_, 1);
  form->addRow(tr("Draw"), draw);
  form->addRow(tr("Clawback window (days)"), clawback_);
  form->addRow(tr("Ramp"), ramp_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(newKind_);
  buttons->addWidget(add);
  buttons->addWidget(remove);
  buttons->addStretch();
  buttons->addWidget(undo_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(new QLabel(tr("Components"), this));
  layout->addWidget(components_, 1);
  layout->addLayout(buttons);

  const auto money = [this](QLineEdit* e, const char* path) {
    connect(e, &QLineEdit::editingFinished, this, [this, e, path] {
      const std::string v = text(e);
      if (memberText(json_, path).value_or("") != v)
        apply(path, v.empty() ? std::nullopt : std::optional<std::string>(jsonQuoted(v)));
    });
  };
  money(name_, "name");
  money(base_, "base_salary");
  money(target_, "target_variable");
  money(planCap_, "plan_cap");
  money(drawAmount_, "draw.amount");
  connect(clawback_, &QLineEdit::editingFinished, this, [this] {
    const std::string v = text(clawback_);
    if (memberText(json_, "clawback_days").value_or("") != v)
      apply("clawback_days", v.empty() ? std::nullopt : std::optional<std::string>(numberOrString(v)));
  });
  connect(ramp_, &QLineEdit::editingFinished, this, [this] {
    std::string array;
    int month = 0;
    for (const QString& part : ramp_->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
      array += std::string(array.empty() ? "[" : ", ") + "{\"month\": " + std::to_string(++month) +
               ", \"quota_percent\": " + numberOrString(part.trimmed().toStdString()) + "}";
    }
    const std::string before = memberText(json_, "ramp").value_or("");
    apply("ramp", array.empty() ? std::nullopt : std::optional<std::string>(array + "]"));
    if (memberText(json_, "ramp").value_or("") == before && !history_.empty()) {
      json_ = history_.back();  // nothing changed: no undo step
      history_.pop_back();
      undo_->setEnabled(canUndo());
    }
  });
  connect(period_, &QComboBox::currentIndexChanged, this, [this] {
    if (!loading_) apply("payout_period", jsonQuoted(period_->currentData().toString().toStdString()));
  });
  connect(drawKind_, &QComboBox::currentIndexChanged, this, [this] {
    if (loading_) return;
    const std::string kind = drawKind_->currentData().toString().toStdString();
    drawAmount_->setEnabled(!kind.empty());
    if (kind.empty()) {
      apply("draw", std::nullopt);
    } else {
      apply("draw.kind", jsonQuoted(kind));
    }
  });
  connect(components_, &QTableWidget::cellChanged, this, [this](int row, int column) {
    if (!loading_) componentEdited(row, column);
  });
  connect(add, &QPushButton::clicked, this, [this] { addComponent(); });
  connect(remove, &QPushButton::clicked, this, [this] { removeComponent(); });
  connect(undo_, &QPushButton::clicked, this, [this] { undo(); });
}

QLineEdit* PlanForm::field(const QString& objectName) const { return findChild<QLineEdit*>(objectName); }

void PlanForm::setJson(const std::string& json) {
  json_ = json;
  history_.clear();
  undo_->setEnabled(false);
  showFields();
}

void PlanForm::apply(const std::string& path, const std::optional<std::string>& jsonValue) {
  try {
    replace(salesops::comp::withMember(json_, path, jsonValue));
  } catch (const std::exception&) {
    // The text no longer is the JSON it was (cannot happen from the form); leave it and let the parser say.
  }
}

void PlanForm::replace(const std::string& json) {
  if (json == json_) return;
  history_.push_back(json_);
  json_ = json;
  undo_->setEnabled(true);
  emit changed();
}

bool PlanForm::undo() {
  if (history_.empty()) return false;
  json_ = history_.back();
  history_.pop_back();
  undo_->setEnabled(canUndo());
  showFields();
  emit changed();
  return true;
}

void PlanForm::showFields() {
  loading_ = true;
  const auto value = [this](const std::string& path) { return qs(memberText(json_, path).value_or("")); };
  name_->setText(value("name"));
  period_->setCurrentIndex(value("payout_period") == QStringLiteral("month") ? 1 : 0);
  base_->setText(value("base_salary"));
  target_->setText(value("target_variable"));
  planCap_->setText(value("plan_cap"));
  const int draw = drawKind_->findData(value("draw.kind"));
  drawKind_->setCurrentIndex(draw < 0 ? 0 : draw);
  drawAmount_->setText(value("draw.amount"));
  drawAmount_->setEnabled(drawKind_->currentIndex() > 0);
  clawback_->setText(value("clawback_days"));
  QStringList ramp;
  for (int m = 0; memberText(json_, "ramp[" + std::to_string(m) + "]"); ++m)
    ramp << value("ramp[" + std::to_string(m) + "].quota_percent");
  ramp_->setText(ramp.join(QStringLiteral(", ")));

  const std::size_t count = salesops::comp::componentCount(json_);
  components_->setRowCount(static_cast<int>(count));
  for (std::size_t i = 0; i < count; ++i) {
    const std::string at = "components[" + std::to_string(i) + "].";
    const QString kind = value(at + "kind");
    QString rule;
    for (const char* key : {"type", "stage", "lead_source", "min_amount"}) {
      const QString v = value(at + "filter." + key);
      if (!v.isEmpty()) rule += (rule.isEmpty() ? QString() : QStringLiteral("; ")) + QLatin1String(key) + "=" + v;
    }
    const bool commission = kind == QLatin1String("commission"), bonus = kind == QLatin1String("bonus"),
               spiff = kind == QLatin1String("spiff"), override_ = kind == QLatin1String("override");
    const std::array<std::pair<QString, bool>, kColumns> cells{{
        {value(at + "id"), true},
        {kind, false},
        {value(at + "basis"), commission},
        {value(at + "min_attainment"), bonus},
        {value(at + "amount"), bonus || spiff},
        {override_ ? value(at + "rate") : value(at + "percent"), override_ || spiff},
        {value(at + "cap"), commission},
        {rule, spiff},
    }};
    for (int c = 0; c < kColumns; ++c) {
      auto* item = new QTableWidgetItem(cells[static_cast<std::size_t>(c)].first);
      if (!cells[static_cast<std::size_t>(c)].second) {
        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
        item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
      }
      components_->setItem(static_cast<int>(i), c, item);
    }
  }
  loading_ = false;
}

void PlanForm::componentEdited(int row, int column) {
  const std::string at = "components[" + std::to_string(row) + "].";
  const std::string v = components_->item(row, column)->text().trimmed().toStdString();
  const std::optional<std::string> quoted = v.empty() ? std::nullopt : std::optional<std::string>(jsonQuoted(v));
  const bool override_ = memberText(json_, at + "kind").value_or("") == "override";
  switch (column) {
    case kId:
      apply(at + "id", jsonQuoted(v));
      break;
    case kBasis:
      apply(at + "basis", quoted);
      break;
    case kMinAttainment:
      apply(at + "min_attainment", v.empty() ? std::nullopt : std::optional<std::string>(numberOrString(v)));
      break;
    case kAmount:
      apply(at + "amount", quoted);
      break;
    case kRate:
      apply(at + (override_ ? "rate" : "percent"), quoted);
      break;
    case kCap:
      apply(at + "cap", quoted);
      break;
    case kRule: {
      std::string object;
      for (const QString& part : QString::fromStdString(v).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString key = part.section(QLatin1Char('='), 0, 0).trimmed();
        const QString value = part.section(QLatin1Char('='), 1).trimmed();
        object += std::string(object.empty() ? "{" : ", ") + jsonQuoted(key.toStdString()) + ": " +
                  jsonQuoted(value.toStdString());
      }
      apply(at + "filter", object.empty() ? std::nullopt : std::optional<std::string>(object + "}"));
      break;
    }
    default:
      break;
  }
}

void PlanForm::addComponent() {
  const auto kind = static_cast<salesops::comp::ComponentKind>(newKind_->currentIndex());
  try {
    replace(salesops::comp::withNewComponent(json_, kind));
  } catch (const std::exception&) {
    return;
  }
  showFields();
}

void PlanForm::removeComponent() {
  const int count = components_->rowCount();
  if (count == 0) return;
  const int row = components_->currentRow() >= 0 ? components_->currentRow() : count - 1;
  try {
    replace(salesops::comp::withoutComponent(json_, static_cast<std::size_t>(row)));
  } catch (const std::exception&) {
    return;
  }
  showFields();
}

QString PlanForm::markError(const std::string& path) {
  for (QLineEdit* e : findChildren<QLineEdit*>()) e->setStyleSheet(QString());
  for (int r = 0; r < components_->rowCount(); ++r) {
    for (int c = 0; c < kColumns; ++c) {
      if (auto* item = components_->item(r, c)) item->setData(Qt::BackgroundRole, QVariant());
    }
  }
  if (path.empty()) return QString();
  static const std::regex component(R"(components\[(\d+)\](\.([a-z_]+))?.*)");
  std::smatch m;
  if (std::regex_match(path, m, component)) {
    const int row = std::stoi(m[1].str());
    const std::string key = m[3].str();
    if (key == "rates") return QString();
    const int column = key == "id"                         ? kId
                       : key == "kind"                     ? kKind
                       : key == "basis"                    ? kBasis
                       : key == "min_attainment"           ? kMinAttainment
                       : key == "rate" || key == "percent" ? kRate
                       : key == "cap"                      ? kCap
                       : key == "filter"                   ? kRule
                                                           : kAmount;
    if (row < components_->rowCount()) {
      if (auto* item = components_->item(row, column)) item->setBackground(kBad);
    }
    return tr("Component %1 (%2), %3")
        .arg(row + 1)
        .arg(qs(memberText(json_, "components[" + std::to_string(row) + "].kind").value_or("?")),
             components_->horizontalHeaderItem(column)->text().toLower());
  }
  const std::string top = path.substr(0, path.find_first_of(".["));
  const std::array<std::tuple<const char*, QWidget*, QString>, 9> fields{{
      {"name", name_, tr("Name")},
      {"payout_period", period_, tr("Paid per")},
      {"base_salary", base_, tr("Base salary")},
      {"target_variable", target_, tr("On-target variable")},
      {"plan_cap", planCap_, tr("Plan cap")},
      {"draw", path == "draw.kind" ? static_cast<QWidget*>(drawKind_) : drawAmount_, tr("Draw")},
      {"clawback_days", clawback_, tr("Clawback window")},
      {"ramp", ramp_, tr("Ramp")},
      {"components", components_, tr("Components")},
  }};
  for (const auto& [key, widget, label] : fields) {
    if (top != key) continue;
    if (auto* e = qobject_cast<QLineEdit*>(widget)) e->setStyleSheet(QStringLiteral("background: #fdd8dc"));
    return label;
  }
  return qs(path);
}
