#include "dialogs/import/MappingPreviewTable.h"

#include <QHeaderView>

namespace {
const QColor kFilled(0xdd, 0xea, 0xfb);
const QColor kRejected(0xf4, 0xc7, 0xc3);
const QColor kSkipped(0x90, 0x90, 0x90);
}  // namespace

MappingPreviewTable::MappingPreviewTable(QWidget* parent) : QTableWidget(parent) {
  setObjectName(QStringLiteral("import-preview"));
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setSelectionBehavior(QAbstractItemView::SelectRows);
  horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  horizontalHeader()->setStretchLastSection(true);
  verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
}

void MappingPreviewTable::showPreview(const salesops::MappedPreview& preview) {
  clear();
  const int fields = static_cast<int>(preview.fields.size());
  setColumnCount(fields + 1);
  setRowCount(static_cast<int>(preview.rows.size()));
  QStringList headers;
  for (const auto& f : preview.fields) headers << QString::fromStdString(f);
  headers << tr("Problem");
  setHorizontalHeaderLabels(headers);
  QStringList lines;
  for (int r = 0; r < rowCount(); ++r) {
    const auto& row = preview.rows[static_cast<std::size_t>(r)];
    lines << QStringLiteral("%1").arg(row.line);
    for (int c = 0; c < fields; ++c) {
      const auto i = static_cast<std::size_t>(c);
      auto* cell = new QTableWidgetItem(i < row.values.size() ? QString::fromStdString(row.values[i]) : QString());
      if (i < row.filledBy.size() && !row.filledBy[i].empty()) {
        cell->setBackground(kFilled);
        cell->setToolTip(QString::fromStdString(row.filledBy[i]));
        QFont italic = cell->font();
        italic.setItalic(true);
        cell->setFont(italic);
      }
      if (row.skipped) {
        cell->setForeground(kSkipped);
        cell->setToolTip(tr("Skipped by a rule of the mapping"));
      }
      setItem(r, c, cell);
    }
    auto* problem = new QTableWidgetItem(row.skipped ? tr("skipped by a rule") : QString::fromStdString(row.problem));
    if (!row.problem.empty()) {
      problem->setBackground(kRejected);
      problem->setToolTip(QString::fromStdString(row.problem));
    }
    setItem(r, fields, problem);
  }
  // The source line, so a cell can be found in the file.
  setVerticalHeaderLabels(lines);
}

int MappingPreviewTable::columnOf(const QString& field) const {
  for (int c = 0; c < columnCount(); ++c) {
    if (horizontalHeaderItem(c) && horizontalHeaderItem(c)->text() == field) return c;
  }
  return -1;
}
