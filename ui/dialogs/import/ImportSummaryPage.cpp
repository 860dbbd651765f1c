#include "dialogs/import/ImportSummaryPage.h"

#include <QHBoxLayout>
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

void appendSection(QStringList& out, const QString& title, const std::vector<std::string>& lines) {
  if (lines.empty()) return;
  out << QStringLiteral("%1 (%L2)").arg(title).arg(lines.size());
  for (const auto& line : lines) out << QStringLiteral("  %1").arg(QString::fromStdString(line));
  out << QString();
}

}  // namespace

ImportSummaryPage::ImportSummaryPage(ImportSession& session, QWidget* parent) : QWizardPage(parent), session_(session) {
  setObjectName(QStringLiteral("import-summary-page"));
  setTitle(tr("Summary"));
  setFinalPage(true);

  headline_ = new QLabel(this);
  headline_->setObjectName(QStringLiteral("import-summary-headline"));
  headline_->setWordWrap(true);
  counts_ = new QTableWidget(0, 6, this);
  counts_->setObjectName(QStringLiteral("import-summary-counts"));
  counts_->setHorizontalHeaderLabels(
      {tr("File"), tr("Entity"), tr("Inserted"), tr("Updated"), tr("Unchanged"), tr("Rejected")});
  counts_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  counts_->verticalHeader()->hide();
  counts_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  counts_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  details_ = new QPlainTextEdit(this);
  details_->setObjectName(QStringLiteral("import-summary-details"));
  details_->setReadOnly(true);
  details_->setLineWrapMode(QPlainTextEdit::NoWrap);
  auto* save = new QPushButton(tr("&Save Report…"), this);
  connect(save, &QPushButton::clicked, this, &ImportSummaryPage::saveReport);

  auto* buttons = new QHBoxLayout;
  buttons->addStretch(1);
  buttons->addWidget(save);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(headline_);
  layout->addWidget(counts_, 1);
  layout->addWidget(details_, 2);
  layout->addLayout(buttons);
}

void ImportSummaryPage::initializePage() {
  if (!session_.report) return;
  const auto& report = *session_.report;
  counts_->setRowCount(static_cast<int>(report.files.size()));
  for (int r = 0; r < counts_->rowCount(); ++r) {
    const auto& f = report.files[static_cast<std::size_t>(r)];
    counts_->setItem(r, 0, new QTableWidgetItem(QString::fromStdString(f.file)));
    counts_->setItem(r, 1, new QTableWidgetItem(QString::fromStdString(f.entity)));
    counts_->setItem(r, 2, number(f.inserted));
    counts_->setItem(r, 3, number(f.updated));
    counts_->setItem(r, 4, number(f.unchanged));
    counts_->setItem(r, 5, number(f.rejected));
  }
  if (report.committed) {
    headline_->setText(
        tr("Imported as batch %1. File → Undo Last Import… takes the whole batch back.").arg(report.batchId));
  } else {
    headline_->setText(tr("Nothing was changed: the files had problems (listed below)."));
  }
  QStringList text;
  appendSection(text, tr("Placeholder records created"), report.placeholders);
  appendSection(text, tr("Defaults and rules applied"), report.notes);
  appendSection(text, tr("Duplicates"), report.duplicates);
  appendSection(text, tr("Problems"), report.problems);
  appendSection(text, tr("Warnings"), report.warnings);
  details_->setPlainText(text.isEmpty() ? tr("No placeholders, notes, duplicates, problems or warnings.")
                                        : text.join(QLatin1Char('\n')));
}

void ImportSummaryPage::saveReport() {
  if (!session_.report) return;
  const QString path =
      FileDialogSeam::getSaveFileName(this, tr("Save Import Report"), QString(), tr("Text files (*.txt)"));
  if (path.isEmpty()) return;
  try {
    salesops::writeImportReport(*session_.report, path.toStdString());
  } catch (const std::exception& e) {
    MessageBoxSeam::critical(this, tr("Save Import Report"), QString::fromStdString(e.what()));
  }
}
