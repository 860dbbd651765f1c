#include <QApplication>

#include "common/Logging.h"
#include "mainwindow/MainWindow.h"

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("SalesOps"));
  QApplication::setOrganizationDomain(QStringLiteral("salesops.example"));
  QApplication::setApplicationName(QStringLiteral("SalesOps Workbench"));
  QApplication::setApplicationVersion(QStringLiteral(SALESOPS_VERSION));
  salesops::initLogging("salesops");

  MainWindow window;
  window.show();
  const QStringList arguments = QApplication::arguments();
  if (arguments.size() > 1) window.openWorkbook(arguments.at(1));
  return QApplication::exec();
}
