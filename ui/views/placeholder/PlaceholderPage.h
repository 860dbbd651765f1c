#pragma once
// A page for a feature still to come: what it will be and one line on what it will do, so a user who
// clicks it knows the shell is not broken.
#include <QString>
#include <QWidget>

class PlaceholderPage : public QWidget {
  Q_OBJECT

 public:
  PlaceholderPage(const QString& key, const QString& headline, const QString& description, QWidget* parent = nullptr);
};
