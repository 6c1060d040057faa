#pragma once
// Autosave and crash recovery. While a window has unsaved changes, its text (and its path
// and sample input) is written atomically to a recovery file a moment after each edit. Each
// running window holds a lock file next to its recovery file; a recovery file whose lock is
// no longer held belongs to a studio that died (crash, kill, power loss) and is offered back
// at the next start. A clean save or a clean close removes it.

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

namespace studio {

/// The content of a recovery file.
struct RecoveredDocument {
    QString file;        ///< the recovery file itself
    QString path;        ///< the mapping's path ("" for an untitled mapping)
    QString text;
    QString input;       ///< the sample input at the time
    QDateTime savedAt;
};

class AutoSaver : public QObject {
    Q_OBJECT

public:
    /// `snapshot` is called on the UI thread when it is time to save.
    explicit AutoSaver(std::function<RecoveredDocument()> snapshot, QObject* parent = nullptr);
    ~AutoSaver() override;

    /// The folder holding recovery files (under the application's data location).
    static QString recoveryDir();
    /// Recovery files whose owner is gone, newest first. The caller restores or declines
    /// each, then discard()s it.
    static QList<RecoveredDocument> orphans();
    /// Removes a recovery file (after it was restored or declined).
    static void discard(const RecoveredDocument& document);

    /// The document changed: save it after the delay.
    void documentChanged();
    /// The document was saved or closed cleanly: no recovery needed.
    void clear();
    /// Writes the recovery file now. Returns false with a reason when it cannot.
    bool saveNow(QString* error = nullptr);
    [[nodiscard]] QString recoveryFile() const { return file_; }
    void setDelay(int ms) { timer_.setInterval(ms); }

signals:
    void saved();

private:
    std::function<RecoveredDocument()> snapshot_;
    QString file_;
    std::unique_ptr<QLockFile> lock_;
    QTimer timer_;
};

} // namespace studio
