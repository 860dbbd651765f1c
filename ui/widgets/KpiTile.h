#pragma once
// One KPI at a glance: its name, its value and the change against the previous period. The tooltip states
// the KPI's definition. Clickable, for the drill-down into the records behind it.
#include <QFrame>

class QLabel;

class KpiTile : public QFrame {
  Q_OBJECT

 public:
  // objectNames: "kpi-tile-<id>", with "kpi-value-<id>" and "kpi-change-<id>" inside.
  KpiTile(const QString& id, const QString& title, const QString& definition, QWidget* parent = nullptr);

  void setValue(const QString& value, const QString& change, const QString& changeTip);
  QString valueText() const;
  QString changeText() const;

 signals:
  void clicked();

 protected:
  void mouseReleaseEvent(QMouseEvent* event) override;

 private:
  QLabel* title_;
  QLabel* value_;
  QLabel* change_;
};
