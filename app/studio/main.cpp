// mapping-studio: the desktop editor and debugger of the Mapping DSL. All of it lives in ui/.

#include "mainwindow.h"
#include "studioapp.h"

#include <QApplication>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    studio::setupApplication(app);
    const QStringList files = studio::parseCommandLine(app);

    studio::MainWindow window;
    if (files.isEmpty())
        window.openBundledExample();
    // A mapping and a sample input can be given together: .json files become the input.
    for (const QString& file : files)
        window.openFile(file);
    window.show();
    return QApplication::exec();
}
