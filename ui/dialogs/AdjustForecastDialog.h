#pragma once
// Asks for one forecast adjustment: which number (commit, best case, pipeline), the new amount or "withdraw",
// as owner or manager, and the note saying why (required). Shows the unadjusted number for reference.
#include <QDialog>

#include <cstdint>
#include <optional>

#include "forecast/Rollup.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QCheckBox;

class AdjustForecastDialog : public QDialog {
  Q_OBJECT

 public:
  // raw/adjusted: the node's numbers per view in minor units.
  AdjustForecastDialog(const QString& nodeName, salesops::forecast::View view,
                       const salesops::forecast::ViewAmounts& raw, const salesops::forecast::ViewAmounts& adjusted,
                       int minorDigits, QWidget* parent = nullptr);

  salesops::forecast::View view() const;
  salesops::forecast::Layer layer() const;
  std::optional<std::int64_t> amount() const;  // empty: withdraw
  QString note() const;

  // For tests: fill the fields as a user would.
  void fill(const QString& amountText, const QString& noteText, bool withdraw = false);

 private:
  void updateState();

  salesops::forecast::ViewAmounts raw_, adjusted_;
  int minorDigits_;
  QComboBox* view_;
  QComboBox* layer_;
  QLineEdit* amount_;
  QCheckBox* withdraw_;
  QLineEdit* note_;
  QLabel* reference_;
  QLabel* problem_;
  QDialogButtonBox* buttons_;
};
