#pragma once
// The studio asks a running `mapping-dsl serve` (staging, production): Settings > Service
// holds its URL; the preview's "Production serves" line gets an "Ask the service" action that
// sends the editor's mapping and the sample input to the service's dry-run endpoint and shows
// its answer beside ours, flagging any difference from what the studio computes locally under
// the same flags. The request, the local run and the comparison happen off the UI thread.

#include "mdsl/json.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QNetworkReply;
class QToolButton;

namespace studio {

class PreviewPanel;
class WindowContext;

/// The service's URL as Settings > Service keeps it (QSettings "service/url"); "" when unset.
QString serviceUrl();
void setServiceUrl(const QString& url);

/// Settings > Service: the URL of the service the preview asks.
class ServiceSettingsPage : public QWidget {
    Q_OBJECT

public:
    explicit ServiceSettingsPage(QWidget* parent = nullptr);
    [[nodiscard]] QLineEdit* urlEdit() const { return url_; }
    /// The tab's title, in the interface language.
    [[nodiscard]] static QString title();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    QLabel* intro_ = nullptr;
    QLabel* label_ = nullptr;
    QLabel* problem_ = nullptr;
    QLineEdit* url_ = nullptr;
};

/// What the service answered against what the studio computed for the same request.
struct ServiceComparison {
    bool reached = false;          ///< an HTTP answer came back
    int httpStatus = 0;
    QString error;                 ///< transport error, or the service's error message
    QString serviceEngine;         ///< "v1" / "v2"
    bool serviceFallback = false;
    QString serviceStatus;         ///< "ok" / "failed" / "invalid"
    QString localEngine;
    bool localFallback = false;
    QString localStatus;
    bool sameOutput = true;
    bool inputNotJson = false;
    /// The members that differ: "engine", "fallback", "status", "output".
    QStringList differences;
};

class ServiceController : public QObject {
    Q_OBJECT

public:
    ServiceController(WindowContext& context, PreviewPanel* panel, QObject* parent);

    /// Sends the editor's mapping and the sample input to the service's dry-run endpoint.
    void ask();
    [[nodiscard]] QToolButton* askButton() const { return button_; }
    /// The service's answer as shown on the preview's production line.
    [[nodiscard]] QLabel* answerLabel() const { return answer_; }
    [[nodiscard]] const ServiceComparison& last() const { return last_; }
    [[nodiscard]] bool busy() const { return busy_; }

signals:
    /// An answer (or an error) is shown.
    void answered();

private:
    struct Prepared {
        QByteArray body;
        std::optional<mdsl::Json> local;   ///< our result (toJson), unset when the input is not JSON
    };
    void send(const Prepared& prepared);
    void received(QNetworkReply* reply, const std::optional<mdsl::Json>& local);
    void show(const ServiceComparison& comparison);
    void retranslate();
    bool eventFilter(QObject* watched, QEvent* event) override;

    WindowContext& context_;
    QNetworkAccessManager* network_;
    QToolButton* button_;
    QLabel* answer_;
    QFutureWatcher<Prepared> preparing_;
    QFutureWatcher<ServiceComparison> comparing_;
    ServiceComparison last_;
    bool busy_ = false;
    bool shown_ = false;
    PreviewPanel* panel_;
};

} // namespace studio
