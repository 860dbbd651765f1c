#pragma once
// The roll-up as a tree along the manager hierarchy: per node its quota, closed amount, and for commit,
// best case and pipeline the raw number beside the adjusted one. An adjusted cell is bold and its tooltip
// says who changed it, when and why; the raw column keeps the unadjusted number in view.
#include <QTreeWidget>

#include <optional>
#include <string>

#include "forecast/Rollup.h"

namespace salesops {
struct ForecastData;
}

class ForecastTree : public QTreeWidget {
  Q_OBJECT

 public:
  enum Column { Rep, Quota, Closed, Commit, CommitAdjusted, BestCase, BestCaseAdjusted, Pipeline, PipelineAdjusted };
  static constexpr int kRepIdRole = Qt::UserRole;

  explicit ForecastTree(QWidget* parent = nullptr);
  // Rebuilds the tree, keeping the selected rep selected when it is still there (else the first root).
  void setRollup(const salesops::forecast::Rollup& rollup, const salesops::ForecastData& data);
  // The selected node's rep id, or empty.
  std::string selectedRep() const;
  bool selectRep(const QString& repId);
  // The view an adjusted column stands for, if the column is one.
  static std::optional<salesops::forecast::View> viewOfColumn(int column);
  static int adjustedColumn(salesops::forecast::View view);
};
