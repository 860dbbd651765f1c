#pragma once
// A read-only table over one entity of EntitySchema that opens a million rows at once: the model holds
// only the ordered surrogate ids (from TableQuery, which sorts and filters in SQL) and fetches the text of
// the rows being painted in pages through EntityReader, keeping a small LRU of pages. Row orders of large
// tables are computed on a worker thread with its own read-only connection; the GUI thread keeps the
// workbook's connection for page fetches.
#include <QAbstractTableModel>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/Progress.h"
#include "domain/EntitySchema.h"
#include "storage/TableQuery.h"

namespace salesops {
class Database;
class EntityReader;
}  // namespace salesops

class EntityTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  static constexpr int kPageSize = 200;
  static constexpr int kCachedPages = 40;
  static constexpr qint64 kDefaultBackgroundThreshold = 20000;

  explicit EntityTableModel(const salesops::EntitySpec& spec, QObject* parent = nullptr);
  ~EntityTableModel() override;

  // Binds the model to the open workbook's connection (used from the GUI thread only) and loads the row
  // order. nullptr detaches; do that before the workbook closes.
  void setDatabase(salesops::Database* db, const QString& corporateCurrency);
  void setFilterText(const QString& text);
  QString filterText() const { return QString::fromStdString(query_.filter); }
  // Structured conditions AND-ed with the filter text (a drill-down); empty clears them.
  void setConditions(std::vector<salesops::TableCondition> conditions);
  const std::vector<salesops::TableCondition>& conditions() const { return query_.conditions; }
  // Tables with more rows than this compute their row order on a worker thread.
  void setBackgroundThreshold(qint64 rows) { backgroundThreshold_ = rows; }

  bool isLoading() const noexcept { return loading_; }
  qint64 totalRows() const noexcept { return totalRows_; }
  const salesops::EntitySpec& spec() const noexcept { return spec_; }
  // The header text of a field: "close_date" -> "Close date".
  static QString columnTitle(const salesops::FieldSpec& field);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  // column < 0 restores the insertion order.
  void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

 signals:
  void loadingChanged(bool loading);
  void loadFailed(const QString& message);
  // A new row order is in place (after opening, sorting or filtering).
  void rowsReplaced();

 private:
  struct LoadResult {
    std::vector<std::int64_t> ids;
    QString error;
    bool cancelled = false;
  };

  void reload();
  void startBackgroundLoad();
  void finishLoad(LoadResult result);
  void setLoading(bool loading);
  const QStringList& rowText(int row) const;
  void fetchPage(int page) const;
  void cancelRunningLoad();

  const salesops::EntitySpec& spec_;
  salesops::Database* db_ = nullptr;
  std::unique_ptr<salesops::EntityReader> reader_;
  std::vector<std::int64_t> ids_;
  salesops::TableQuerySpec query_;
  qint64 totalRows_ = 0;
  qint64 backgroundThreshold_ = kDefaultBackgroundThreshold;
  bool loading_ = false;
  quint64 generation_ = 0;  // results of an older load are dropped
  std::shared_ptr<salesops::CancelToken> runningCancel_;

  mutable std::unordered_map<int, std::vector<QStringList>> pages_;
  mutable std::list<int> recentPages_;  // most recently used first
};
