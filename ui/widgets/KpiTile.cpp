#include "widgets/KpiTile.h"

#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

KpiTile::KpiTile(const QString& id, const QString& title, const QString& definition, QWidget* parent)
    : QFrame(parent), title_(new QLabel(title, this)), value_(new QLabel(this)), change_(new QLabel(this)) {
  setObjectName(QStringLiteral("kpi-tile-") + id);
  value_->setObjectName(QStringLiteral("kpi-value-") + id);
  change_->setObjectName(QStringLiteral("kpi-change-") + id);
  setFrameShape(QFrame::StyledPanel);
  setToolTip(definition);
  setCursor(Qt::PointingHandCursor);
  setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

  title_->setWordWrap(true);
  QFont font = value_->font();
  font.setPointSizeF(font.pointSizeF() * 1.45);
  font.setBold(true);
  value_->setFont(font);
  value_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  QPalette palette = change_->palette();
  palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
  change_->setPalette(palette);
  title_->setPalette(palette);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(10, 8, 10, 8);
  layout->setSpacing(2);
  layout->addWidget(title_);
  layout->addWidget(value_);
  layout->addWidget(change_);
  setValue(QString(QChar(0x2014)), {}, {});
}

void KpiTile::setValue(const QString& value, const QString& change, const QString& changeTip) {
  value_->setText(value);
  // A blank line keeps the tiles of a row the same height whether or not a change is known.
  change_->setText(change.isEmpty() ? QStringLiteral(" ") : change);
  change_->setToolTip(changeTip);
}

QString KpiTile::valueText() const { return value_->text(); }
QString KpiTile::changeText() const { return change_->text().trimmed(); }

void KpiTile::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) emit clicked();
  QFrame::mouseReleaseEvent(event);
}
