#include "servicecontroller.h"

#include "codeeditor.h"
#include "previewpanel.h"
#include "windowcontext.h"

#include "mdsl/analysis.h"
#include "mdsl/engine.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSettings>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

namespace {

const QString kUrlKey = QStringLiteral("service/url");
constexpr const char* kDryRunPath = "/api/v1/mappings/dry-run";

/// The service's dry-run endpoint under a base URL ("http://staging:8080" or with a path).
QUrl dryRunUrl(const QString& base)
{
    QString url = base.trimmed();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return QUrl(url + QLatin1String(kDryRunPath));
}

bool validServiceUrl(const QString& text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    return url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        && !url.host().isEmpty();
}

QString memberText(const mdsl::Json& result, const char* member)
{
    if (!result.is_object())
        return {};
    const auto it = result.find(member);
    return it != result.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

bool memberFlag(const mdsl::Json& result, const char* member)
{
    return result.is_object() && result.contains(member) && result[member].is_boolean() && result[member].get<bool>();
}

/// Compares the service's body with our result, off the UI thread.
ServiceComparison compareAnswers(int status, const QByteArray& body, const QString& transportError,
                                 const std::optional<mdsl::Json>& local)
{
    ServiceComparison c;
    c.httpStatus = status;
    c.reached = status != 0;
    if (!c.reached) {
        c.error = transportError;
        return c;
    }
    mdsl::Json answer;
    try {
        answer = mdsl::parseJson(std::string_view(body.constData(), static_cast<std::size_t>(body.size())));
    } catch (const mdsl::Json::exception& e) {
        c.error = QString::fromUtf8(e.what());
        return c;
    }
    if (status != 200) {
        const mdsl::Json* error = answer.is_object() && answer.contains("error") ? &answer["error"] : nullptr;
        c.error = error ? memberText(*error, "message") : QString::fromUtf8(body.left(200));
        return c;
    }
    c.serviceEngine = memberText(answer, "engine");
    c.serviceFallback = memberFlag(answer, "fallback");
    c.serviceStatus = memberText(answer, "status");
    if (!local) {
        c.inputNotJson = true;
        return c;
    }
    c.localEngine = memberText(*local, "engine");
    c.localFallback = memberFlag(*local, "fallback");
    c.localStatus = memberText(*local, "status");
    const mdsl::Json none;
    const mdsl::Json& ours = local->contains("output") ? (*local)["output"] : none;
    const mdsl::Json& theirs = answer.is_object() && answer.contains("output") ? answer["output"] : none;
    c.sameOutput = ours == theirs;
    if (c.serviceEngine != c.localEngine)
        c.differences << QStringLiteral("engine");
    if (c.serviceFallback != c.localFallback)
        c.differences << QStringLiteral("fallback");
    if (c.serviceStatus != c.localStatus)
        c.differences << QStringLiteral("status");
    if (!c.sameOutput)
        c.differences << QStringLiteral("output");
    return c;
}

} // namespace

QString serviceUrl()
{
    return QSettings().value(kUrlKey).toString();
}

void setServiceUrl(const QString& url)
{
    QSettings().setValue(kUrlKey, url.trimmed());
}

ServiceSettingsPage::ServiceSettingsPage(QWidget* parent)
    : QWidget(parent)
    , intro_(new QLabel(this))
    , label_(new QLabel(this))
    , problem_(new QLabel(this))
    , url_(new QLineEdit(this))
{
    intro_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #d23c3c;"));
    url_->setText(serviceUrl());
    url_->setPlaceholderText(QStringLiteral("http://staging.example:8080"));
    auto* form = new QFormLayout;
    form->addRow(label_, url_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro_);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addStretch(1);
    // Applied as it is typed, as the other settings are; an address that is not one is said.
    connect(url_, &QLineEdit::textChanged, this, [this](const QString& text) {
        const bool ok = text.trimmed().isEmpty() || validServiceUrl(text);
        problem_->setVisible(!ok);
        if (ok)
            setServiceUrl(text);
    });
    problem_->hide();
    retranslate();
}

QString ServiceSettingsPage::title()
{
    return tr("Service");
}

void ServiceSettingsPage::retranslate()
{
    intro_->setText(tr("A running mapping-dsl serve (staging, production) that the preview can ask: "
                       "\"Ask the service\" sends the mapping and the sample input to its dry-run endpoint "
                       "and shows its answer beside the studio's."));
    label_->setText(tr("Service URL:"));
    problem_->setText(tr("Not an http:// or https:// address with a host."));
}

void ServiceSettingsPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

ServiceController::ServiceController(WindowContext& context, PreviewPanel* panel, QObject* parent)
    : QObject(parent)
    , context_(context)
    , network_(new QNetworkAccessManager(this))
    , button_(new QToolButton(panel))
    , answer_(new QLabel(panel))
    , panel_(panel)
{
    button_->setObjectName(QStringLiteral("askServiceButton"));
    answer_->setObjectName(QStringLiteral("serviceAnswer"));
    answer_->setTextFormat(Qt::RichText);
    answer_->setWordWrap(true);
    answer_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    answer_->hide();
    // The action right after "Production serves …"; the answer on a line of its own under it,
    // where a narrow panel still shows it whole.
    QHBoxLayout* bar = panel->productionBar();
    bar->insertWidget(1, button_);
    if (auto* column = qobject_cast<QBoxLayout*>(bar->parent()))
        column->insertWidget(column->indexOf(bar) + 1, answer_);
    else
        bar->insertWidget(2, answer_, 1);
    panel->installEventFilter(this);
    connect(button_, &QToolButton::clicked, this, &ServiceController::ask);
    connect(&preparing_, &QFutureWatcher<Prepared>::finished, this, [this] { send(preparing_.result()); });
    connect(&comparing_, &QFutureWatcher<ServiceComparison>::finished, this, [this] { show(comparing_.result()); });
    retranslate();
}

void ServiceController::ask()
{
    if (busy_)
        return;
    if (serviceUrl().isEmpty()) {
        ServiceComparison none;
        none.error = tr("Set the service's URL in Settings > Service.");
        show(none);
        return;
    }
    busy_ = true;
    button_->setEnabled(false);
    answer_->setText(tr("Asking the service…"));
    answer_->show();
    // The body and our own answer are made off the UI thread: the input may be large.
    const std::string text = context_.editor()->toPlainText().toStdString();
    const std::string input = panel_->inputText().toStdString();
    const mdsl::Flags flags = context_.settings().flags;
    const std::optional<qint64> now = context_.settings().previewClock();
    preparing_.setFuture(QtConcurrent::run([text, input, flags, now] {
        Prepared prepared;
        mdsl::Json parsed;
        try {
            parsed = mdsl::parseJson(input);
        } catch (const mdsl::Json::exception&) {
            return prepared;
        }
        mdsl::Json flagValues = mdsl::Json::object();
        for (const mdsl::Flag flag : mdsl::kAllFlags)
            flagValues[std::string(mdsl::flagName(flag))] = flags.get(flag);
        mdsl::Json body = {{"mapping", text}, {"flags", std::move(flagValues)}};
        mdsl::RunOptions options;
        if (now) {
            body["now_ms"] = *now;
            options.pinnedNowMs = *now;
        }
        // The input goes in last: a member added after it would move it, and the library
        // moves an object's members by copying them, which recurses through a deep input.
        body["input"] = std::move(parsed);
        // What the studio serves for the same request: the engine's routing under our flags.
        prepared.local = mdsl::toJson(mdsl::dryRun(mdsl::analyze(text, flags).prepared(mdsl::Route::V2Routed),
                                                   body["input"], options));
        std::string bytes;
        mdsl::appendJson(bytes, body);
        prepared.body = QByteArray::fromStdString(bytes);
        return prepared;
    }));
}

void ServiceController::send(const Prepared& prepared)
{
    if (!prepared.local) {
        ServiceComparison c;
        c.inputNotJson = true;
        show(c);
        return;
    }
    QNetworkRequest request(dryRunUrl(serviceUrl()));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setTransferTimeout(30000);
    QNetworkReply* reply = network_->post(request, prepared.body);
    const std::optional<mdsl::Json> local = prepared.local;
    connect(reply, &QNetworkReply::finished, this, [this, reply, local] { received(reply, local); });
}

void ServiceController::received(QNetworkReply* reply, const std::optional<mdsl::Json>& local)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QString error = reply->errorString();
    comparing_.setFuture(QtConcurrent::run([status, body, error, local] { return compareAnswers(status, body, error, local); }));
}

void ServiceController::show(const ServiceComparison& c)
{
    busy_ = false;
    shown_ = true;
    last_ = c;
    button_->setEnabled(true);
    const auto engine = [this](const QString& name, bool fallback) {
        const QString e = name == QLatin1String("v1") ? QStringLiteral("V1") : QStringLiteral("V2");
        return fallback ? tr("%1 by fallback").arg(e) : e;
    };
    // The preview's own words for a run's status.
    const auto status = [](const QString& name) {
        return name == QLatin1String("ok") ? PreviewPanel::tr("ok")
            : name == QLatin1String("failed") ? PreviewPanel::tr("failed") : PreviewPanel::tr("invalid");
    };
    QString text;
    QString colour = QStringLiteral("#d23c3c");
    QString tip;
    if (c.inputNotJson) {
        text = tr("The sample input is not JSON: nothing to ask.");
    } else if (!c.error.isEmpty() && !c.reached) {
        text = serviceUrl().isEmpty() ? c.error : tr("Service unreachable: %1").arg(c.error);
    } else if (c.httpStatus != 200) {
        text = tr("The service answered %1: %2").arg(c.httpStatus).arg(c.error);
    } else {
        const QString theirs = tr("Service: %1 — %2").arg(engine(c.serviceEngine, c.serviceFallback), status(c.serviceStatus));
        QStringList what;
        for (const QString& d : c.differences) {
            what << (d == QLatin1String("engine") ? tr("engine") : d == QLatin1String("fallback") ? tr("fallback")
                     : d == QLatin1String("status") ? tr("status") : tr("output"));
        }
        if (what.isEmpty()) {
            colour = QStringLiteral("#2e8b57");
            text = tr("%1, same answer as the studio").arg(theirs);
        } else {
            text = tr("%1, differs from the studio: %2").arg(theirs, what.join(QStringLiteral(", ")));
        }
        tip = tr("Service (%1): %2 — %3\nStudio: %4 — %5")
                  .arg(serviceUrl(), engine(c.serviceEngine, c.serviceFallback), status(c.serviceStatus),
                       engine(c.localEngine, c.localFallback), status(c.localStatus));
    }
    answer_->setText(QStringLiteral("<span style='color:%1'>%2</span>").arg(colour, text.toHtmlEscaped()));
    answer_->setToolTip(tip.isEmpty() ? text : tip);
    answer_->show();
    emit answered();
}

void ServiceController::retranslate()
{
    button_->setText(tr("Ask the service"));
    button_->setToolTip(tr("Send the mapping and the sample input to the service set in Settings > Service "
                           "and compare its answer with the studio's"));
    if (shown_ && !busy_)
        show(last_);
}

bool ServiceController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == panel_ && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

} // namespace studio
