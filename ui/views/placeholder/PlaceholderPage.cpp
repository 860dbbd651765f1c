#include "views/placeholder/PlaceholderPage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

PlaceholderPage::PlaceholderPage(const QString& key, const QString& headline, const QString& description,
                                 QWidget* parent)
    : QWidget(parent) {
  setObjectName(QStringLiteral("page-%1").arg(key));

  auto* title = new QLabel(headline, this);
  title->setObjectName(QStringLiteral("placeholder-%1").arg(key));
  QFont font = title->font();
  font.setPointSizeF(font.pointSizeF() * 1.5);
  font.setBold(true);
  title->setFont(font);
  title->setAlignment(Qt::AlignCenter);
  title->setWordWrap(true);

  auto* text = new QLabel(description, this);
  text->setAlignment(Qt::AlignCenter);
  text->setWordWrap(true);
  text->setObjectName(QStringLiteral("placeholder-%1-description").arg(key));
  // A wrapped label only gets its height for the width when the layout gives it the width: no alignment
  // flag, stretches beside it instead.
  text->setMinimumWidth(320);
  text->setMaximumWidth(640);
  auto* row = new QHBoxLayout;
  row->addStretch(1);
  row->addWidget(text, 4);
  row->addStretch(1);

  auto* layout = new QVBoxLayout(this);
  layout->addStretch(1);
  layout->addWidget(title);
  layout->addSpacing(12);
  layout->addLayout(row);
  layout->addStretch(2);
}
