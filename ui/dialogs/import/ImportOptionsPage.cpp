#include "dialogs/import/ImportOptionsPage.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

#include "domain/EntitySchema.h"
#include "seams/MessageBoxSeam.h"

using salesops::DuplicateRows;
using salesops::NameReferences;

ImportOptionsPage::ImportOptionsPage(ImportSession& session, QWidget* parent) : QWizardPage(parent), session_(session) {
  setObjectName(QStringLiteral("import-options-page"));
  setTitle(tr("Import options"));
  setSubTitle(tr("How rows find the people and accounts they name, and which rows count as the same record."));

  auto* names = new QGroupBox(tr("People and accounts referenced by name"), this);
  createNames_ = new QRadioButton(tr("Match by name, and create the ones no row has yet"), names);
  matchNames_ = new QRadioButton(tr("Match by name only: an unknown name is a problem of the row"), names);
  auto* namesLayout = new QVBoxLayout(names);
  namesLayout->addWidget(createNames_);
  namesLayout->addWidget(matchNames_);

  auto* rows = new QGroupBox(tr("Rows"), this);
  duplicates_ = new QComboBox(rows);
  duplicates_->setObjectName(QStringLiteral("import-duplicates"));
  duplicates_->addItem(tr("The later row updates the earlier (merged, reported)"),
                       static_cast<int>(DuplicateRows::LastWins));
  duplicates_->addItem(tr("Keep the first row, skip later ones (reported)"),
                       static_cast<int>(DuplicateRows::FirstWins));
  duplicates_->addItem(tr("Every duplicate row is a problem"), static_cast<int>(DuplicateRows::Reject));
  skipBadRows_ = new QCheckBox(tr("Import the good rows and list the bad ones (otherwise any problem stops the "
                                  "import and nothing changes)"),
                               rows);
  skipBadRows_->setObjectName(QStringLiteral("import-skip-bad-rows"));
  auto* rowsLayout = new QFormLayout(rows);
  rowsLayout->addRow(tr("Duplicate keys:"), duplicates_);
  rowsLayout->addRow(skipBadRows_);

  auto* keys = new QGroupBox(tr("Match keys"), this);
  keysLayout_ = new QFormLayout(keys);
  auto* keysNote = new QLabel(tr("The fields that identify a record, against the workbook and inside the files, "
                                 "separated by commas (\"name, country\"). Empty: the external id."),
                              keys);
  keysNote->setWordWrap(true);
  keysLayout_->addRow(keysNote);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(names);
  layout->addWidget(rows);
  layout->addWidget(keys);
  layout->addStretch(1);
}

void ImportOptionsPage::initializePage() {
  const auto& options = session_.options;
  createNames_->setChecked(options.names == NameReferences::CreateMissing);
  matchNames_->setChecked(options.names == NameReferences::MatchOnly);
  duplicates_->setCurrentIndex(duplicates_->findData(static_cast<int>(options.duplicates)));
  skipBadRows_->setChecked(options.skipBadRows);
  // One editor per entity the files feed, in import (dependency) order.
  while (keysLayout_->rowCount() > 1) keysLayout_->removeRow(1);
  keys_.clear();
  for (const auto& entity : salesops::entities()) {
    const std::string name(entity.name);
    bool fed = false;
    for (const auto& source : session_.sources()) fed = fed || source.mapping.entity == name;
    if (!fed) continue;
    auto* edit = new QLineEdit(this);
    edit->setObjectName(QStringLiteral("match-key-%1").arg(QString::fromStdString(name)));
    edit->setPlaceholderText(tr("external id"));
    if (const auto found = options.matchKeys.find(name); found != options.matchKeys.end()) {
      QStringList fields;
      for (const auto& f : found->second) fields << QString::fromStdString(f);
      edit->setText(fields.join(QStringLiteral(", ")));
    }
    keysLayout_->addRow(QString::fromStdString(name) + QLatin1Char(':'), edit);
    keys_[name] = edit;
  }
}

QLineEdit* ImportOptionsPage::matchKeyEdit(const std::string& entity) const {
  const auto found = keys_.find(entity);
  return found == keys_.end() ? nullptr : found->second;
}

bool ImportOptionsPage::validatePage() {
  salesops::MappedImportOptions options;
  options.names = matchNames_->isChecked() ? NameReferences::MatchOnly : NameReferences::CreateMissing;
  options.duplicates = static_cast<DuplicateRows>(duplicates_->currentData().toInt());
  options.skipBadRows = skipBadRows_->isChecked();
  for (const auto& [entity, edit] : keys_) {
    const auto* spec = salesops::findEntity(entity);
    std::vector<std::string> fields;
    for (const QString& part : edit->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
      const std::string field = part.trimmed().toStdString();
      if (field.empty()) continue;
      if (!spec || !spec->field(field)) {
        MessageBoxSeam::warning(
            this, tr("Match keys"),
            tr("%1: \"%2\" is not a field of %1.").arg(QString::fromStdString(entity), QString::fromStdString(field)));
        edit->setFocus();
        return false;
      }
      fields.push_back(field);
    }
    if (!fields.empty()) options.matchKeys[entity] = std::move(fields);
  }
  session_.options = std::move(options);
  session_.dryRun.reset();
  return true;
}
