#include "models/EntityTableModel.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>
#include <filesystem>

#include "common/Error.h"
#include "common/Logging.h"
#include "dialogs/TaskProgressDialog.h"
#include "storage/Database.h"
#include "storage/EntityStore.h"

namespace {

bool isNumeric(salesops::FieldType type) {
  using salesops::FieldType;
  return type == FieldType::Money || type == FieldType::Integer || type == FieldType::Percent ||
         type == FieldType::Decimal;
}

const QStringList& emptyRow() {
  static const QStringList empty;
  return empty;
}

}  // namespace

EntityTableModel::EntityTableModel(const salesops::EntitySpec& spec, QObject* parent)
    : QAbstractTableModel(parent), spec_(spec) {}

EntityTableModel::~EntityTableModel() { cancelRunningLoad(); }

QString EntityTableModel::columnTitle(const salesops::FieldSpec& field) {
  QString title = QString::fromUtf8(field.name.data(), static_cast<qsizetype>(field.name.size()));
  title.replace(QLatin1Char('_'), QLatin1Char(' '));
  if (title.endsWith(QLatin1String(" id"))) title = title.left(title.size() - 3) + QLatin1String(" ID");
  if (!title.isEmpty()) title[0] = title[0].toUpper();
  return title;
}

void EntityTableModel::setDatabase(salesops::Database* db, const QString& corporateCurrency) {
  cancelRunningLoad();
  beginResetModel();
  db_ = db;
  reader_.reset();
  ids_.clear();
  pages_.clear();
  recentPages_.clear();
  totalRows_ = 0;
  query_.corporateCurrency = corporateCurrency.toStdString();
  QString failure;
  if (db_) {
    try {
      reader_ = std::make_unique<salesops::EntityReader>(*db_, spec_, corporateCurrency.toStdString());
      totalRows_ = salesops::countRows(*db_, spec_);
    } catch (const std::exception& e) {
      failure = QString::fromStdString(e.what());
      db_ = nullptr;
      reader_.reset();
    }
  }
  endResetModel();
  setLoading(false);
  if (!failure.isEmpty()) {
    emit loadFailed(failure);
    return;
  }
  reload();
}

void EntityTableModel::setFilterText(const QString& text) {
  const std::string filter = text.trimmed().toStdString();
  if (filter == query_.filter) return;
  query_.filter = filter;
  reload();
}

void EntityTableModel::setConditions(std::vector<salesops::TableCondition> conditions) {
  if (conditions.empty() && query_.conditions.empty()) return;
  query_.conditions = std::move(conditions);
  reload();
}

void EntityTableModel::sort(int column, Qt::SortOrder order) {
  const bool valid = column >= 0 && column < static_cast<int>(spec_.fields.size());
  const std::string field = valid ? std::string(spec_.fields[static_cast<std::size_t>(column)].name) : std::string{};
  const bool ascending = order == Qt::AscendingOrder;
  if (field == query_.sortField && (field.empty() || ascending == query_.ascending)) return;
  query_.sortField = field;
  query_.ascending = ascending;
  reload();
}

void EntityTableModel::reload() {
  if (!db_) return;
  cancelRunningLoad();
  ++generation_;
  if (totalRows_ > backgroundThreshold_) {
    startBackgroundLoad();
    return;
  }
  LoadResult result;
  try {
    result.ids = salesops::queryRowIds(*db_, spec_, query_);
  } catch (const std::exception& e) {
    result.error = QString::fromStdString(e.what());
  }
  finishLoad(std::move(result));
}

void EntityTableModel::startBackgroundLoad() {
  setLoading(true);
  auto cancel = std::make_shared<salesops::CancelToken>();
  runningCancel_ = cancel;
  const std::filesystem::path path = db_->path();
  const salesops::EntitySpec* spec = &spec_;
  const salesops::TableQuerySpec query = query_;
  const quint64 generation = generation_;

  auto* watcher = new QFutureWatcher<LoadResult>(this);
  connect(watcher, &QFutureWatcher<LoadResult>::finished, this, [this, watcher, generation] {
    watcher->deleteLater();
    if (generation != generation_) return;
    finishLoad(watcher->result());
  });
  // The worker owns everything it touches: its own read-only connection, copies of the query and the token.
  watcher->setFuture(QtConcurrent::run([path, spec, query, cancel]() -> LoadResult {
    LoadResult result;
    const auto outcome = TaskProgressDialog::capture([&] {
      auto db = salesops::Database::open(path, salesops::Database::Mode::ReadOnly);
      result.ids = salesops::queryRowIds(db, *spec, query, cancel.get());
    });
    result.cancelled = outcome.cancelled;
    result.error = outcome.error;
    return result;
  }));
}

void EntityTableModel::finishLoad(LoadResult result) {
  runningCancel_.reset();
  if (result.cancelled) return;
  if (!result.error.isEmpty()) {
    salesops::logger("salesops.ui")->warn("loading {} failed: {}", spec_.name, result.error.toStdString());
    setLoading(false);
    emit loadFailed(result.error);
    return;
  }
  beginResetModel();
  ids_ = std::move(result.ids);
  pages_.clear();
  recentPages_.clear();
  endResetModel();
  setLoading(false);
  emit rowsReplaced();
}

void EntityTableModel::cancelRunningLoad() {
  if (runningCancel_) runningCancel_->cancel();
  runningCancel_.reset();
}

void EntityTableModel::setLoading(bool loading) {
  if (loading == loading_) return;
  loading_ = loading;
  emit loadingChanged(loading_);
}

int EntityTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(ids_.size());
}

int EntityTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(spec_.fields.size());
}

QVariant EntityTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
  const auto& field = spec_.fields[static_cast<std::size_t>(index.column())];
  switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
      const QStringList& row = rowText(index.row());
      return index.column() < row.size() ? row[index.column()] : QString();
    }
    case Qt::TextAlignmentRole:
      return QVariant::fromValue(Qt::AlignVCenter | (isNumeric(field.type) ? Qt::AlignRight : Qt::AlignLeft));
    default:
      return {};
  }
}

QVariant EntityTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) {
    return QAbstractTableModel::headerData(section, orientation, role);
  }
  const auto& field = spec_.fields[static_cast<std::size_t>(section)];
  switch (role) {
    case Qt::DisplayRole:
      return columnTitle(field);
    case Qt::ToolTipRole:
      return tr("CSV column: %1").arg(QString::fromUtf8(field.name.data(), static_cast<qsizetype>(field.name.size())));
    case Qt::TextAlignmentRole:
      return QVariant::fromValue(Qt::AlignVCenter | (isNumeric(field.type) ? Qt::AlignRight : Qt::AlignLeft));
    default:
      return {};
  }
}

const QStringList& EntityTableModel::rowText(int row) const {
  const int page = row / kPageSize;
  auto found = pages_.find(page);
  if (found == pages_.end()) {
    fetchPage(page);
    found = pages_.find(page);
    if (found == pages_.end()) return emptyRow();
  } else if (recentPages_.front() != page) {
    recentPages_.remove(page);
    recentPages_.push_front(page);
  }
  const auto offset = static_cast<std::size_t>(row % kPageSize);
  return offset < found->second.size() ? found->second[offset] : emptyRow();
}

void EntityTableModel::fetchPage(int page) const {
  if (!reader_) return;
  const auto first = static_cast<std::size_t>(page) * kPageSize;
  const auto last = std::min(ids_.size(), first + kPageSize);
  if (first >= last) return;
  const std::vector<std::int64_t> slice(ids_.begin() + static_cast<std::ptrdiff_t>(first),
                                        ids_.begin() + static_cast<std::ptrdiff_t>(last));
  std::vector<QStringList> rows(slice.size());
  try {
    auto fetched = reader_->fetch(slice);
    // fetch() leaves out ids it cannot find; row by row keeps the others in their place.
    if (fetched.size() != slice.size()) {
      fetched.clear();
      for (auto id : slice) {
        auto one = reader_->fetch({id});
        fetched.push_back(one.empty() ? std::vector<std::string>{} : std::move(one.front()));
      }
    }
    for (std::size_t i = 0; i < fetched.size(); ++i) {
      rows[i].reserve(static_cast<qsizetype>(fetched[i].size()));
      for (const auto& text : fetched[i]) rows[i].append(QString::fromStdString(text));
    }
  } catch (const std::exception& e) {
    // Cache the empty page anyway: painting would retry the failing fetch on every frame.
    salesops::logger("salesops.ui")->warn("fetching rows of {} failed: {}", spec_.name, e.what());
  }
  pages_.emplace(page, std::move(rows));
  recentPages_.push_front(page);
  while (recentPages_.size() > static_cast<std::size_t>(kCachedPages)) {
    pages_.erase(recentPages_.back());
    recentPages_.pop_back();
  }
}
