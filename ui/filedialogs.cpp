#include "filedialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>

namespace studio {

namespace {

const QString kLastDialogFolderKey = QStringLiteral("files/lastFolder");

void rememberDialogFolder(const QString& chosen)
{
    if (!chosen.isEmpty())
        QSettings().setValue(kLastDialogFolderKey, QFileInfo(chosen).absolutePath());
}

} // namespace

QString dialogFolder(const QString& documentPath)
{
    if (!documentPath.isEmpty() && !documentPath.startsWith(QLatin1Char(':'))) {
        const QString folder = QFileInfo(documentPath).absolutePath();
        if (QFileInfo(folder).isDir())
            return folder;
    }
    const QString last = QSettings().value(kLastDialogFolderKey).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    return QDir::homePath();
}

QString chooseFileToOpen(QWidget* parent, const QString& caption, const QString& documentPath, const QString& filter)
{
    const QString path = QFileDialog::getOpenFileName(parent, caption, dialogFolder(documentPath), filter);
    rememberDialogFolder(path);
    return path;
}

QString chooseFileToSave(QWidget* parent, const QString& caption, const QString& documentPath,
                         const QString& suggestedName, const QString& filter)
{
    const QString path =
        QFileDialog::getSaveFileName(parent, caption, QDir(dialogFolder(documentPath)).filePath(suggestedName), filter);
    rememberDialogFolder(path);
    return path;
}

} // namespace studio
