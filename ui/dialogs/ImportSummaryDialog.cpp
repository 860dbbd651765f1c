#include "dialogs/ImportSummaryDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <exception>

#include "seams/FileDialogSeam.h"
#include "seams/MessageBoxSeam.h"

namespace {
QTableWidgetItem* number(std::int64_t value) {
  auto* item = new QTableWidgetItem(QStringLiteral("%L1").arg(value));
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}
}  // namespace

ImportSummaryDialog::ImportSummaryDialog(const salesops::ImportReport& report, const QString& source, QWidget* parent)
    : QDialog(parent), report_(report) {
  setObjectName(QStringLiteral("import-summary"));
  setWindowTitle(tr("Import Summary"));
  resize(720, 480);

  auto* headline = new QLabel(this);
  headline->setObjectName(QStringLiteral("import-headline"));
  headline->setWordWrap(true);
  if (report.committed) {
    headline->setText(tr("Imported %1.").arg(QDir::toNativeSeparators(source)));
  } else if (report.failed()) {
    headline->setText(tr("Nothing was imported: %n problem(s) were found. Fix them and import again.", nullptr,
                         static_cast<int>(report.problems.size())));
  } else {
    headline->setText(tr("Nothing was changed."));
  }

  auto* counts = new QTableWidget(static_cast<int>(report.files.size()), 5, this);
  counts->setObjectName(QStringLiteral("import-counts"));
  counts->setHorizontalHeaderLabels({tr("File"), tr("Inserted"), tr("Updated"), tr("Unchanged"), tr("Rejected")});
  counts->verticalHeader()->hide();
  counts->setEditTriggers(QAbstractItemView::NoEditTriggers);
  counts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  int row = 0;
  for (const auto& file : report.files) {
    counts->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(file.file)));
    counts->setItem(row, 1, number(file.inserted));
    counts->setItem(row, 2, number(file.updated));
    counts->setItem(row, 3, number(file.unchanged));
    counts->setItem(row, 4, number(file.rejected));
    ++row;
  }

  auto* problems = new QPlainTextEdit(this);
  problems->setObjectName(QStringLiteral("import-problems"));
  problems->setReadOnly(true);
  problems->setLineWrapMode(QPlainTextEdit::NoWrap);
  QStringList lines;
  for (const auto& problem : report.problems) lines << QString::fromStdString(problem);
  for (const auto& warning : report.warnings) lines << tr("warning: %1").arg(QString::fromStdString(warning));
  problems->setPlainText(lines.join(QLatin1Char('\n')));
  problems->setPlaceholderText(tr("No problems or warnings."));

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  QPushButton* save = buttons->addButton(tr("Save Report…"), QDialogButtonBox::ActionRole);
  connect(save, &QPushButton::clicked, this, &ImportSummaryDialog::saveReport);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(headline);
  layout->addWidget(counts, 2);
  layout->addWidget(new QLabel(tr("Problems and warnings:"), this));
  layout->addWidget(problems, 3);
  layout->addWidget(buttons);
}

void ImportSummaryDialog::saveReport() {
  const QString file =
      FileDialogSeam::getSaveFileName(this, tr("Save Import Report"), QDir::homePath(), tr("Text files (*.txt)"));
  if (file.isEmpty()) return;
  try {
    salesops::writeImportReport(report_, file.toStdString());
  } catch (const std::exception& e) {
    MessageBoxSeam::critical(this, tr("Save Import Report"), QString::fromStdString(e.what()));
  }
}
