#pragma once
// A table cell showing money that sorts by its exact amount, not by its text.
#include <QTableWidgetItem>

#include <cstdint>

#include "common/Decimal.h"

class MoneyItem : public QTableWidgetItem {
 public:
  MoneyItem(std::int64_t minor, int digits)
      : QTableWidgetItem(QString::fromStdString(salesops::formatMoney(minor, digits))), minor_(minor) {
    setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  }
  bool operator<(const QTableWidgetItem& other) const override {
    const auto* money = dynamic_cast<const MoneyItem*>(&other);
    return money ? minor_ < money->minor_ : QTableWidgetItem::operator<(other);
  }
  std::int64_t minor() const noexcept { return minor_; }

 private:
  std::int64_t minor_;
};
