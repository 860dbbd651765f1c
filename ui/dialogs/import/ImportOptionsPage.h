#pragma once
// Step 3: how names are resolved, what happens to duplicate keys, bad rows, and the match key of each
// entity the files feed.
#include <QWizardPage>

#include <map>
#include <string>

#include "dialogs/import/ImportSession.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QRadioButton;

class ImportOptionsPage : public QWizardPage {
  Q_OBJECT

 public:
  ImportOptionsPage(ImportSession& session, QWidget* parent = nullptr);

  void initializePage() override;
  bool validatePage() override;
  // The match key editor of an entity, or null when no file feeds it.
  QLineEdit* matchKeyEdit(const std::string& entity) const;
  QCheckBox* skipBadRows() const noexcept { return skipBadRows_; }

 private:
  ImportSession& session_;
  QRadioButton* createNames_ = nullptr;
  QRadioButton* matchNames_ = nullptr;
  QComboBox* duplicates_ = nullptr;
  QCheckBox* skipBadRows_ = nullptr;
  QFormLayout* keysLayout_ = nullptr;
  std::map<std::string, QLineEdit*> keys_;
};
