#pragma once
// Files for the command-line tests of the engines: written into a temporary directory.

#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

class CliFiles {
public:
    /// Writes `content` to `name` in the temporary directory and returns its path.
    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = dir_.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(content);
        return path;
    }
    QString path(const QString& name) const { return dir_.filePath(name); }
    QByteArray read(const QString& name) const
    {
        QFile file(dir_.filePath(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private:
    QTemporaryDir dir_;
};
