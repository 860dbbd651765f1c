#include "dialogs/DefinitionsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "services/ReportDefinitions.h"

namespace {

QString qs(std::string_view text) { return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())); }

// What a value means, from the same text the reports state.
QString meaning(std::string_view name, std::size_t value) {
  salesops::KpiDefinitionChoices probe;
  salesops::setDefinition(probe, name, value);
  for (const auto& d : salesops::describeChoices(probe)) {
    if (d.name == name) return QString::fromStdString(d.description);
  }
  return {};
}

}  // namespace

DefinitionsDialog::DefinitionsDialog(const salesops::KpiDefinitionChoices& choices, QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("KPI Definitions"));
  auto* intro = new QLabel(tr("Sources disagree on how some KPIs are defined. The first choice of each is the "
                              "definition of KPIS.md. Every export states the choices it used."),
                           this);
  intro->setWordWrap(true);
  auto* form = new QFormLayout;
  for (const auto& option : salesops::definitionOptions(choices)) {
    auto* combo = new QComboBox(this);
    combo->setObjectName(qs(option.name));
    for (std::size_t v = 0; v < option.values.size(); ++v) {
      const QString label = v == 0 ? tr("%1 (default)").arg(qs(option.values[v])) : qs(option.values[v]);
      combo->addItem(label, static_cast<int>(v));
      combo->setItemData(static_cast<int>(v), meaning(option.name, v), Qt::ToolTipRole);
    }
    combo->setCurrentIndex(static_cast<int>(option.current));
    form->addRow(qs(option.name).replace(QLatin1Char('_'), QLatin1Char(' ')) + QLatin1Char(':'), combo);
    combos_.emplace_back(qs(option.name), combo);
  }
  auto* buttons =
      new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
    for (auto& [name, combo] : combos_) combo->setCurrentIndex(0);
  });
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addLayout(form);
  layout->addWidget(buttons);
}

salesops::KpiDefinitionChoices DefinitionsDialog::choices() const {
  salesops::KpiDefinitionChoices out;
  for (const auto& [name, combo] : combos_) {
    salesops::setDefinition(out, name.toStdString(), static_cast<std::size_t>(combo->currentData().toInt()));
  }
  return out;
}

QComboBox* DefinitionsDialog::combo(const QString& name) const {
  for (const auto& [key, combo] : combos_) {
    if (key == name) return combo;
  }
  return nullptr;
}
