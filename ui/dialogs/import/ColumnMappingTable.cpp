#include "dialogs/import/ColumnMappingTable.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QSignalBlocker>

#include <algorithm>

#include "domain/EntitySchema.h"
#include "io/MappingProfileParser.h"

namespace {

using salesops::ColumnMapping;
using salesops::DayMonthOrder;
using salesops::FieldType;
using salesops::ValueFormat;

// The formats that may fill a field, in the order the combo lists them (docs/crm-import.md, "format").
std::vector<ValueFormat> fittingFormats(FieldType type) {
  std::vector<ValueFormat> out;
  for (ValueFormat f :
       {ValueFormat::Text, ValueFormat::Enum, ValueFormat::Date, ValueFormat::Timestamp, ValueFormat::Money,
        ValueFormat::Integer, ValueFormat::Percent, ValueFormat::Bool, ValueFormat::Number}) {
    if (salesops::valueFormatFits(f, type)) out.push_back(f);
  }
  return out;
}

QString folded(const std::string& text) { return QString::fromStdString(text).trimmed().toLower(); }

}  // namespace

ColumnMappingTable::ColumnMappingTable(QWidget* parent) : QTableWidget(0, 7, parent) {
  setObjectName(QStringLiteral("import-columns"));
  setHorizontalHeaderLabels({tr("Source column"), tr("Field"), tr("Format"), tr("Day/month order"), tr("By name"),
                             tr("Ignore"), tr("Verdict")});
  setSelectionMode(QAbstractItemView::NoSelection);
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  verticalHeader()->hide();
  setWordWrap(false);  // a long verdict is elided; the whole text is its tooltip
  horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  horizontalHeader()->setStretchLastSection(true);
}

void ColumnMappingTable::setSource(salesops::MappedSource* source, const std::vector<std::string>& headers) {
  source_ = source;
  headers_ = headers;
  clearContents();
  setRowCount(source ? static_cast<int>(headers.size()) : 0);
  if (!source) return;
  for (int row = 0; row < rowCount(); ++row) addRow(row, headers_[static_cast<std::size_t>(row)]);
}

int ColumnMappingTable::rowOf(const QString& header) const {
  for (std::size_t i = 0; i < headers_.size(); ++i) {
    if (folded(headers_[i]) == header.trimmed().toLower()) return static_cast<int>(i);
  }
  return -1;
}

const ColumnMapping* ColumnMappingTable::find(int row) const {
  const std::string& header = headers_[static_cast<std::size_t>(row)];
  for (const auto& c : source_->mapping.columns) {
    if (folded(c.header) == folded(header)) return &c;
  }
  return nullptr;
}

// Created on the first edit only: a column the profile does not list stays out of the mapping (and is
// reported as unmapped) until the user maps or ignores it.
ColumnMapping& ColumnMappingTable::column(int row) {
  const std::string& header = headers_[static_cast<std::size_t>(row)];
  auto& columns = source_->mapping.columns;
  for (auto& c : columns) {
    if (folded(c.header) == folded(header)) return c;
  }
  ColumnMapping added;
  added.header = header;
  columns.push_back(std::move(added));
  return columns.back();
}

void ColumnMappingTable::addRow(int row, const std::string& header) {
  setItem(row, SourceColumn, new QTableWidgetItem(QString::fromStdString(header)));
  auto* field = new QComboBox(this);
  field->setObjectName(QStringLiteral("field-%1").arg(row));
  field->addItem(tr("(not imported)"), QString());
  if (const auto* entity = salesops::findEntity(source_->mapping.entity)) {
    for (const auto& f : entity->fields)
      field->addItem(QString::fromUtf8(f.name.data(), f.name.size()), QString::fromUtf8(f.name.data(), f.name.size()));
  }
  connect(field, &QComboBox::activated, this,
          [this, row, field](int index) { fieldChosen(row, field->itemData(index).toString()); });
  setCellWidget(row, FieldColumn, field);

  auto* format = new QComboBox(this);
  connect(format, &QComboBox::activated, this, [this, row, format](int index) {
    column(row).format = static_cast<ValueFormat>(format->itemData(index).toInt());
    syncRow(row);
    emit mappingChanged();
  });
  setCellWidget(row, FormatColumn, format);

  auto* order = new QComboBox(this);
  order->addItem(tr("decided over the column"), -1);
  order->addItem(tr("month first (MDY)"), static_cast<int>(DayMonthOrder::MonthFirst));
  order->addItem(tr("day first (DMY)"), static_cast<int>(DayMonthOrder::DayFirst));
  connect(order, &QComboBox::activated, this, [this, row, order](int index) {
    const int value = order->itemData(index).toInt();
    column(row).dateOrder = value < 0 ? std::nullopt : std::optional(static_cast<DayMonthOrder>(value));
    emit mappingChanged();
  });
  setCellWidget(row, DateOrderColumn, order);

  auto* byName = new QCheckBox(this);
  byName->setToolTip(tr("The column names the referenced record (a person, an account) instead of giving its id"));
  connect(byName, &QCheckBox::toggled, this, [this, row](bool on) {
    column(row).matchByName = on;
    emit mappingChanged();
  });
  setCellWidget(row, ByNameColumn, byName);

  auto* ignore = new QCheckBox(this);
  ignore->setToolTip(tr("A known column deliberately not imported"));
  connect(ignore, &QCheckBox::toggled, this, [this, row](bool on) {
    ColumnMapping& c = column(row);
    c.ignore = on;
    if (on) c.fields.clear();
    syncRow(row);
    emit mappingChanged();
  });
  setCellWidget(row, IgnoreColumn, ignore);
  setItem(row, VerdictColumn, new QTableWidgetItem);
  syncRow(row);
}

void ColumnMappingTable::syncRow(int row) {
  static const ColumnMapping kUnmapped;
  const ColumnMapping* found = find(row);
  const ColumnMapping& c = found ? *found : kUnmapped;
  const auto* entity = salesops::findEntity(source_->mapping.entity);
  const salesops::FieldSpec* spec = entity && !c.fields.empty() ? entity->field(c.fields.front()) : nullptr;

  auto* field = static_cast<QComboBox*>(cellWidget(row, FieldColumn));
  const QSignalBlocker fieldBlock(field);
  QStringList names;
  for (const auto& f : c.fields) names << QString::fromStdString(f);
  const QString joined = names.join(QLatin1Char(','));
  if (names.size() > 1 && field->findData(joined) < 0) field->insertItem(1, names.join(QStringLiteral(" + ")), joined);
  field->setCurrentIndex(std::max(0, field->findData(joined)));
  field->setEnabled(!c.ignore);

  auto* format = static_cast<QComboBox*>(cellWidget(row, FormatColumn));
  const QSignalBlocker formatBlock(format);
  format->clear();
  if (spec) {
    for (ValueFormat f : fittingFormats(spec->type)) {
      format->addItem(QString::fromUtf8(salesops::toString(f).data()), static_cast<int>(f));
    }
    format->setCurrentIndex(std::max(0, format->findData(static_cast<int>(c.format))));
  }
  format->setEnabled(spec != nullptr);

  auto* order = static_cast<QComboBox*>(cellWidget(row, DateOrderColumn));
  const QSignalBlocker orderBlock(order);
  order->setCurrentIndex(c.dateOrder ? order->findData(static_cast<int>(*c.dateOrder)) : 0);
  order->setEnabled(spec && (c.format == ValueFormat::Date || c.format == ValueFormat::Timestamp));

  auto* byName = static_cast<QCheckBox*>(cellWidget(row, ByNameColumn));
  const QSignalBlocker byNameBlock(byName);
  byName->setChecked(c.matchByName);
  byName->setEnabled(spec && !spec->references.empty());

  auto* ignore = static_cast<QCheckBox*>(cellWidget(row, IgnoreColumn));
  const QSignalBlocker ignoreBlock(ignore);
  ignore->setChecked(c.ignore);
}

void ColumnMappingTable::fieldChosen(int row, const QString& fields) {
  ColumnMapping& c = column(row);
  c.fields.clear();
  for (const QString& f : fields.split(QLatin1Char(','), Qt::SkipEmptyParts)) c.fields.push_back(f.toStdString());
  const auto* entity = salesops::findEntity(source_->mapping.entity);
  const salesops::FieldSpec* spec = entity && !c.fields.empty() ? entity->field(c.fields.front()) : nullptr;
  if (spec) {
    const auto fitting = fittingFormats(spec->type);
    if (std::find(fitting.begin(), fitting.end(), c.format) == fitting.end())
      c.format = salesops::defaultValueFormat(spec->type);
    if (spec->references.empty()) c.matchByName = false;
  }
  if (c.fields.empty() && !c.ignore) {
    // "(not imported)" without "ignore": back to an unmapped column, as if the profile never listed it.
    const std::string header = c.header;
    std::erase_if(source_->mapping.columns, [&](const ColumnMapping& m) { return folded(m.header) == folded(header); });
  }
  syncRow(row);
  emit mappingChanged();
}

void ColumnMappingTable::setField(const QString& header, const QString& field) {
  const int row = rowOf(header);
  if (row >= 0) fieldChosen(row, field);
}

void ColumnMappingTable::showDecisions(const std::vector<salesops::ColumnDecision>& decisions) {
  for (int row = 0; row < rowCount(); ++row) {
    const std::string& header = headers_[static_cast<std::size_t>(row)];
    const auto found = std::find_if(decisions.begin(), decisions.end(), [&](const salesops::ColumnDecision& d) {
      return folded(d.header) == folded(header);
    });
    QTableWidgetItem* verdict = item(row, VerdictColumn);
    QTableWidgetItem* name = item(row, SourceColumn);
    const QString text = found == decisions.end() ? QString() : QString::fromStdString(found->verdict);
    verdict->setText(text);
    verdict->setToolTip(text);
    name->setToolTip(text);
    QColor colour;
    if (found != decisions.end() && found->error) {
      colour = QColor(0xf4, 0xc7, 0xc3);
    } else if (found != decisions.end() && found->flagged) {
      colour = QColor(0xfc, 0xe8, 0xb2);
    }
    verdict->setBackground(colour.isValid() ? QBrush(colour) : QBrush());
    name->setBackground(colour.isValid() ? QBrush(colour) : QBrush());
  }
}
