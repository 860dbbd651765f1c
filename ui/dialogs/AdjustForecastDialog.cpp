#include "dialogs/AdjustForecastDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "common/Decimal.h"

namespace {
using salesops::forecast::View;
constexpr View kViews[] = {View::Commit, View::BestCase, View::Pipeline};
}  // namespace

AdjustForecastDialog::AdjustForecastDialog(const QString& nodeName, View view,
                                           const salesops::forecast::ViewAmounts& raw,
                                           const salesops::forecast::ViewAmounts& adjusted, int minorDigits,
                                           QWidget* parent)
    : QDialog(parent),
      raw_(raw),
      adjusted_(adjusted),
      minorDigits_(minorDigits),
      view_(new QComboBox(this)),
      layer_(new QComboBox(this)),
      amount_(new QLineEdit(this)),
      withdraw_(new QCheckBox(tr("Withdraw the adjustment"), this)),
      note_(new QLineEdit(this)),
      reference_(new QLabel(this)),
      problem_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
  setObjectName(QStringLiteral("adjust-forecast"));
  setWindowTitle(tr("Adjust the forecast of %1").arg(nodeName));
  view_->addItems({tr("Commit"), tr("Best case"), tr("Pipeline")});
  for (int i = 0; i < 3; ++i) {
    if (kViews[i] == view) view_->setCurrentIndex(i);
  }
  layer_->addItems({tr("Manager"), tr("Owner")});
  amount_->setObjectName(QStringLiteral("adjust-amount"));
  note_->setObjectName(QStringLiteral("adjust-note"));
  note_->setPlaceholderText(tr("Why (required)"));
  problem_->setObjectName(QStringLiteral("adjust-problem"));
  problem_->setStyleSheet(QStringLiteral("color: #a00"));
  auto* form = new QFormLayout;
  form->addRow(tr("&Number:"), view_);
  form->addRow(tr("&As:"), layer_);
  form->addRow(tr("A&mount:"), amount_);
  form->addRow(QString(), withdraw_);
  form->addRow(tr("N&ote:"), note_);
  form->addRow(QString(), reference_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(problem_);
  layout->addWidget(buttons_);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(view_, &QComboBox::currentIndexChanged, this, [this] {
    amount_->setText(
        QString::fromStdString(salesops::formatMoney(adjusted_[static_cast<std::size_t>(this->view())], minorDigits_)));
    updateState();
  });
  connect(amount_, &QLineEdit::textChanged, this, &AdjustForecastDialog::updateState);
  connect(note_, &QLineEdit::textChanged, this, &AdjustForecastDialog::updateState);
  connect(withdraw_, &QCheckBox::toggled, this, &AdjustForecastDialog::updateState);
  amount_->setText(
      QString::fromStdString(salesops::formatMoney(adjusted_[static_cast<std::size_t>(view)], minorDigits)));
  updateState();
}

View AdjustForecastDialog::view() const { return kViews[std::max(0, view_->currentIndex())]; }

salesops::forecast::Layer AdjustForecastDialog::layer() const {
  return layer_->currentIndex() == 1 ? salesops::forecast::Layer::Owner : salesops::forecast::Layer::Manager;
}

std::optional<std::int64_t> AdjustForecastDialog::amount() const {
  if (withdraw_->isChecked()) return std::nullopt;
  return salesops::parseMoney(amount_->text().trimmed().toStdString(), minorDigits_);
}

QString AdjustForecastDialog::note() const { return note_->text().trimmed(); }

void AdjustForecastDialog::fill(const QString& amountText, const QString& noteText, bool withdraw) {
  amount_->setText(amountText);
  note_->setText(noteText);
  withdraw_->setChecked(withdraw);
}

void AdjustForecastDialog::updateState() {
  amount_->setEnabled(!withdraw_->isChecked());
  reference_->setText(
      tr("Unadjusted: %1")
          .arg(QString::fromStdString(salesops::formatMoney(raw_[static_cast<std::size_t>(view())], minorDigits_))));
  QString problem;
  std::string why;
  if (!withdraw_->isChecked() && !salesops::parseMoney(amount_->text().trimmed().toStdString(), minorDigits_, &why)) {
    problem = tr("Amount: %1").arg(QString::fromStdString(why));
  } else if (note().isEmpty()) {
    problem = tr("A note saying why is required.");
  }
  problem_->setText(problem);
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}
