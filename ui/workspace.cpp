#include "workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>

namespace studio {

namespace {

constexpr qint64 kMaxWorkspaceSize = 16ll << 20;
const QString kFormatKey = QStringLiteral("mappingStudioWorkspace");

bool writeBytes(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QCoreApplication::translate("studio::Workspace", "cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

/// "orders" + "big sample" -> "orders.big-sample.input.json".
QString sampleFileName(const QString& base, const QString& name)
{
    QString safe = name.toLower();
    safe.replace(QRegularExpression(QStringLiteral("[^a-z0-9_-]+")), QStringLiteral("-"));
    return base + QLatin1Char('.') + (safe.isEmpty() ? QStringLiteral("sample") : safe) + QStringLiteral(".input.json");
}

} // namespace

QString workspacePathFor(const QString& mappingPath)
{
    const QFileInfo info(mappingPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".workspace.json"));
}

QString inputPathFor(const QString& mappingPath)
{
    const QFileInfo info(mappingPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".input.json"));
}

std::optional<Workspace> readWorkspace(const QString& mappingPath, QString* error)
{
    error->clear();
    const QString path = workspacePathFor(mappingPath);
    QFile file(path);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    if (file.size() > kMaxWorkspaceSize) {
        *error = QCoreApplication::translate("studio::Workspace", "the file is larger than %1 MB").arg(kMaxWorkspaceSize >> 20);
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray before = bytes.left(parseError.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(parseError.offset - (before.lastIndexOf('\n') + 1)) + 1;
        *error = QCoreApplication::translate("studio::Workspace", "not valid JSON (line %1, column %2): %3").arg(line).arg(column).arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    const int version = root.value(kFormatKey).toInt(0);
    if (version < 1 || version > Workspace::kVersion) {
        *error = version > Workspace::kVersion ? QCoreApplication::translate("studio::Workspace", "written by a newer Mapping Studio (format %1)").arg(version)
                                               : QCoreApplication::translate("studio::Workspace", "not a Mapping Studio workspace");
        return std::nullopt;
    }
    const QDir dir = QFileInfo(mappingPath).dir();
    Workspace workspace;
    for (const QJsonValue& value : root.value(QStringLiteral("samples")).toArray()) {
        const QJsonObject object = value.toObject();
        SampleInput sample;
        sample.name = object.value(QStringLiteral("name")).toString().trimmed();
        if (object.contains(QStringLiteral("file"))) {
            sample.file = QDir::cleanPath(dir.absoluteFilePath(object.value(QStringLiteral("file")).toString()));
        } else {
            sample.text = object.value(QStringLiteral("text")).toString();
            sample.loaded = true;
        }
        if (sample.name.isEmpty())
            sample.name = QCoreApplication::translate("studio::Workspace", "Sample %1").arg(workspace.samples.size() + 1);
        workspace.samples.append(sample);
    }
    workspace.current = std::clamp(root.value(QStringLiteral("current")).toInt(0), 0, std::max(0, int(workspace.samples.size()) - 1));
    if (const QString pinned = root.value(QStringLiteral("pinnedV1")).toString(); !pinned.isEmpty())
        workspace.pinnedV1 = QDir::cleanPath(dir.absoluteFilePath(pinned));
    for (const QJsonValue& value : root.value(QStringLiteral("breakpoints")).toArray()) {
        const QJsonObject object = value.toObject();
        const int line = object.value(QStringLiteral("line")).toInt(0);
        if (line >= 1)
            workspace.breakpoints.append({line, object.value(QStringLiteral("condition")).toString()});
    }
    // Added within version 1: a file without it simply has no watches.
    for (const QJsonValue& value : root.value(QStringLiteral("watches")).toArray()) {
        if (const QString expression = value.toString().trimmed(); !expression.isEmpty())
            workspace.watches.append(expression);
    }
    return workspace;
}

bool writeWorkspace(const QString& mappingPath, Workspace& workspace, QString* error)
{
    const QFileInfo info(mappingPath);
    const QDir dir = info.dir();
    QJsonObject root;
    root.insert(kFormatKey, Workspace::kVersion);
    root.insert(QStringLiteral("current"), workspace.current);
    QJsonArray samples;
    for (SampleInput& sample : workspace.samples) {
        QJsonObject object;
        object.insert(QStringLiteral("name"), sample.name);
        if (sample.file.isEmpty() && sample.text.size() > kInlineSampleLimit) {
            const QString file = dir.filePath(sampleFileName(info.completeBaseName(), sample.name));
            if (!writeBytes(file, sample.text.toUtf8(), error))
                return false;
            sample.file = file;   // from now on the sample is that file's content
        }
        const QString& file = sample.file;
        if (file.isEmpty())
            object.insert(QStringLiteral("text"), sample.text);
        else
            object.insert(QStringLiteral("file"), dir.relativeFilePath(file));
        samples.append(object);
    }
    root.insert(QStringLiteral("samples"), samples);
    if (!workspace.pinnedV1.isEmpty())
        root.insert(QStringLiteral("pinnedV1"), dir.relativeFilePath(workspace.pinnedV1));
    QJsonArray breakpoints;
    for (const DebugBreakpoint& breakpoint : workspace.breakpoints) {
        QJsonObject object;
        object.insert(QStringLiteral("line"), breakpoint.line);
        if (!breakpoint.condition.isEmpty())
            object.insert(QStringLiteral("condition"), breakpoint.condition);
        breakpoints.append(object);
    }
    root.insert(QStringLiteral("breakpoints"), breakpoints);
    if (!workspace.watches.isEmpty())
        root.insert(QStringLiteral("watches"), QJsonArray::fromStringList(workspace.watches));
    return writeBytes(workspacePathFor(mappingPath), QJsonDocument(root).toJson(QJsonDocument::Indented), error);
}

} // namespace studio
