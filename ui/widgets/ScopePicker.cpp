#include "widgets/ScopePicker.h"

#include <QSignalBlocker>

namespace {
QString qs(const std::string& text) { return QString::fromStdString(text); }
}  // namespace

ScopePicker::ScopePicker(QWidget* parent) : QComboBox(parent) {
  setObjectName(QStringLiteral("dashboard-scope"));
  setSizeAdjustPolicy(QComboBox::AdjustToContents);
  setMaxVisibleItems(24);
}

void ScopePicker::add(const QString& label, const QString& key, DashboardScope scope) {
  addItem(label, key);
  scopes_.push_back(std::move(scope));
}

void ScopePicker::setService(const salesops::KpiService& service) {
  using salesops::KpiGrouping;
  const QString previous = currentKey();
  const QSignalBlocker blocker(this);
  clear();
  scopes_.clear();
  add(tr("Everyone"), QStringLiteral("all"), {});
  for (const auto& team : service.snapshot().teams) {
    add(tr("Team: %1").arg(qs(team)), QStringLiteral("team:") + qs(team), {KpiGrouping::All, team, {}});
  }
  for (const auto& manager : service.groups(KpiGrouping::Manager, {})) {
    add(tr("%1's team").arg(qs(manager.name)), QStringLiteral("manager:") + qs(manager.id),
        {KpiGrouping::All, manager.id, {}});
  }
  if (const auto* territories = service.territories()) {
    for (std::size_t t = 0; t < territories->id.size(); ++t) {
      add(tr("Territory: %1").arg(qs(territories->name[t])), QStringLiteral("territory:") + qs(territories->id[t]),
          {KpiGrouping::All, territories->id[t], {}});
    }
  }
  for (const auto& rep : service.groups(KpiGrouping::Rep, {})) {
    add(tr("%1 (%2)").arg(qs(rep.name), qs(rep.id)), QStringLiteral("rep:") + qs(rep.id),
        {KpiGrouping::Rep, rep.id, rep.id});
  }
  const int at = findData(previous);
  setCurrentIndex(at >= 0 ? at : 0);
}

DashboardScope ScopePicker::currentScope() const {
  const int at = currentIndex();
  return at >= 0 && static_cast<std::size_t>(at) < scopes_.size() ? scopes_[static_cast<std::size_t>(at)]
                                                                  : DashboardScope{};
}

bool ScopePicker::selectKey(const QString& key) {
  const int at = findData(key);
  if (at < 0) return false;
  setCurrentIndex(at);
  return true;
}
