#include "views/forecast/ForecastTree.h"

#include <QHeaderView>
#include <QLocale>

#include <vector>

#include "services/ForecastService.h"

namespace {

using salesops::forecast::View;

QString moneyText(std::int64_t minor, int digits) {
  double value = static_cast<double>(minor);
  for (int d = 0; d < digits; ++d) value /= 10;
  return QLocale().toString(value, 'f', 0);
}

}  // namespace

ForecastTree::ForecastTree(QWidget* parent) : QTreeWidget(parent) {
  setObjectName(QStringLiteral("forecast-tree"));
  setHeaderLabels({tr("Rep"), tr("Quota"), tr("Closed"), tr("Commit"), tr("Commit (adjusted)"), tr("Best case"),
                   tr("Best case (adjusted)"), tr("Pipeline"), tr("Pipeline (adjusted)")});
  setAlternatingRowColors(true);
  setUniformRowHeights(true);
  header()->setStretchLastSection(false);
  header()->setSectionResizeMode(QHeaderView::ResizeToContents);
  setSelectionMode(QAbstractItemView::SingleSelection);
}

std::optional<View> ForecastTree::viewOfColumn(int column) {
  switch (column) {
    case CommitAdjusted:
      return View::Commit;
    case BestCaseAdjusted:
      return View::BestCase;
    case PipelineAdjusted:
      return View::Pipeline;
    default:
      return std::nullopt;
  }
}

int ForecastTree::adjustedColumn(View view) {
  return view == View::Commit ? CommitAdjusted : (view == View::BestCase ? BestCaseAdjusted : PipelineAdjusted);
}

void ForecastTree::setRollup(const salesops::forecast::Rollup& rollup, const salesops::ForecastData& data) {
  const QString keep = QString::fromStdString(selectedRep());
  clear();
  const auto& reps = data.snapshot.reps;
  const int digits = data.minorDigits;
  std::vector<QTreeWidgetItem*> items(rollup.nodes.size(), nullptr);
  for (std::size_t n = 0; n < rollup.nodes.size(); ++n) {
    const auto& node = rollup.nodes[n];
    auto* item =
        node.parent == salesops::kNoIndex ? new QTreeWidgetItem(this) : new QTreeWidgetItem(items[node.parent]);
    items[n] = item;
    const QString id = QString::fromStdString(reps.id[node.rep]);
    item->setText(Rep, tr("%1 (%2)").arg(QString::fromStdString(reps.name[node.rep]), id));
    item->setData(Rep, kRepIdRole, id);
    item->setText(Quota, moneyText(node.quota, digits));
    item->setText(Closed, moneyText(node.raw[0], digits));
    for (const View view : {View::Commit, View::BestCase, View::Pipeline}) {
      const auto v = static_cast<std::size_t>(view);
      const int adjusted = adjustedColumn(view);
      item->setText(adjusted - 1, moneyText(node.raw[v], digits));
      item->setText(adjusted, moneyText(node.adjusted[v], digits));
      if (const auto& a = node.adjustment[v]) {
        QFont bold = item->font(adjusted);
        bold.setBold(true);
        item->setFont(adjusted, bold);
        item->setToolTip(adjusted,
                         tr("Adjusted by %1 (%2) at %3: %4\nUnadjusted: %5")
                             .arg(QString::fromStdString(a->author),
                                  a->layer == salesops::forecast::Layer::Manager ? tr("manager") : tr("owner"),
                                  QString::fromStdString(salesops::Timestamp{a->createdAt}.toString()),
                                  QString::fromStdString(a->note), moneyText(node.raw[v], digits)));
      } else if (node.adjusted[v] != node.raw[v]) {
        item->setToolTip(adjusted, tr("Includes adjustments made below this node"));
      }
    }
    for (int c = Quota; c <= PipelineAdjusted; ++c) item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
  }
  expandToDepth(1);
  if (keep.isEmpty() || !selectRep(keep)) {
    if (topLevelItemCount() > 0) setCurrentItem(topLevelItem(0));
  }
}

std::string ForecastTree::selectedRep() const {
  const QTreeWidgetItem* item = currentItem();
  return item ? item->data(Rep, kRepIdRole).toString().toStdString() : std::string();
}

bool ForecastTree::selectRep(const QString& repId) {
  for (QTreeWidgetItemIterator it(const_cast<ForecastTree*>(this)); *it; ++it) {
    if ((*it)->data(Rep, kRepIdRole).toString() == repId) {
      setCurrentItem(*it);
      return true;
    }
  }
  return false;
}
