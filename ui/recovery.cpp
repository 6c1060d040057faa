#include "recovery.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

namespace studio {

namespace {

QString lockPathOf(const QString& recoveryFile)
{
    QString base = recoveryFile;
    base.chop(int(QStringLiteral(".json").size()));
    return base + QStringLiteral(".lock");
}

} // namespace

QString AutoSaver::recoveryDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/recovery");
}

AutoSaver::AutoSaver(std::function<RecoveredDocument()> snapshot, QObject* parent)
    : QObject(parent)
    , snapshot_(std::move(snapshot))
{
    QDir().mkpath(recoveryDir());
    file_ = recoveryDir() + QLatin1Char('/') + QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".json");
    lock_ = std::make_unique<QLockFile>(lockPathOf(file_));
    lock_->setStaleLockTime(0);
    lock_->tryLock(0);
    timer_.setSingleShot(true);
    timer_.setInterval(1000);
    connect(&timer_, &QTimer::timeout, this, [this] { saveNow(); });
}

AutoSaver::~AutoSaver()
{
    // Destroyed without clear(): keep the file, so a window closed by a crash of Qt's own
    // shutdown still leaves something to recover; the lock goes, which marks it orphaned.
    timer_.stop();
}

void AutoSaver::documentChanged()
{
    timer_.start();
}

void AutoSaver::clear()
{
    timer_.stop();
    QFile::remove(file_);
}

bool AutoSaver::saveNow(QString* error)
{
    timer_.stop();
    const RecoveredDocument doc = snapshot_();
    QJsonObject object;
    object.insert(QStringLiteral("path"), doc.path);
    object.insert(QStringLiteral("text"), doc.text);
    object.insert(QStringLiteral("input"), doc.input);
    object.insert(QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    QSaveFile out(file_);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(object).toJson(QJsonDocument::Compact)) < 0
        || !out.commit()) {
        if (error)
            *error = out.errorString();
        return false;
    }
    emit saved();
    return true;
}

QList<RecoveredDocument> AutoSaver::orphans()
{
    QList<RecoveredDocument> found;
    const QDir dir(recoveryDir());
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Time);
    for (const QString& name : files) {
        const QString path = dir.filePath(name);
        // A lock we can take belongs to nobody: its studio is gone. (QLockFile knows a lock
        // whose process died is stale.) We keep it until the user decides.
        auto* lock = new QLockFile(lockPathOf(path));
        if (!lock->tryLock(0)) {
            delete lock;
            continue;
        }
        lock->unlock();
        delete lock;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject object = QJsonDocument::fromJson(file.read(64 << 20)).object();
        if (object.isEmpty()) {
            // Unreadable leftovers are not worth a question; they go.
            file.close();
            QFile::remove(path);
            continue;
        }
        RecoveredDocument doc;
        doc.file = path;
        doc.path = object.value(QStringLiteral("path")).toString();
        doc.text = object.value(QStringLiteral("text")).toString();
        doc.input = object.value(QStringLiteral("input")).toString();
        doc.savedAt = QDateTime::fromString(object.value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs);
        found.append(doc);
    }
    return found;
}

void AutoSaver::discard(const RecoveredDocument& document)
{
    QFile::remove(document.file);
    QFile::remove(lockPathOf(document.file));
}

} // namespace studio
