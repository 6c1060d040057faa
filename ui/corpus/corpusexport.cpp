#include "corpusexport.h"

#include "corpuscharts.h"

#include <QChart>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>

#include <algorithm>

namespace studio {

// The context of this file's translations.
struct CorpusExport {
    Q_DECLARE_TR_FUNCTIONS(studio::CorpusExport)
};

namespace {

QString count(std::uint64_t n)
{
    return QLocale().toString(qulonglong(n));
}

QString percent(double value)
{
    return QLocale().toString(value, 'f', 2) + QStringLiteral("\u00a0%");
}

QString micros(double us)
{
    return CorpusExport::tr("%1 µs").arg(QLocale().toString(us, 'f', 1));
}

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString esc(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

QString chartImage(std::unique_ptr<QChart> chart)
{
    QPalette light;
    light.setColor(QPalette::Window, Qt::white);
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    applyChartPalette(*chart, light);
    const QByteArray png = chartPng(*chart, QSize(760, 340));
    return QStringLiteral("<img alt=\"%1\" src=\"data:image/png;base64,%2\">")
        .arg(esc(chart->title()), QString::fromLatin1(png.toBase64()));
}

} // namespace

QString checkTitle(const std::string& name)
{
    if (name == "records")
        return CorpusExport::tr("Records compared");
    if (name == "comparable")
        return CorpusExport::tr("Both sides run");
    if (name == "input")
        return CorpusExport::tr("Invalid input");
    if (name == "compatibility")
        return CorpusExport::tr("Compatibility");
    if (name == "error_rate")
        return CorpusExport::tr("Error rate");
    if (name == "time_ratio")
        return CorpusExport::tr("Time ratio");
    return QString::fromStdString(name);
}

QString verdictTitle(const mdsl::CorpusReport& report)
{
    const QString verdict = report.verdict.go ? CorpusExport::tr("GO") : CorpusExport::tr("NO-GO");
    return report.cancelled ? CorpusExport::tr("%1 (partial: cancelled)").arg(verdict) : verdict;
}

QList<FigureRow> corpusFigures(const mdsl::CorpusReport& report, std::uint64_t totalRecords)
{
    QList<FigureRow> rows;
    rows.append({CorpusExport::tr("Left side"), QString::fromStdString(report.left.label)});
    rows.append({CorpusExport::tr("Right side"), QString::fromStdString(report.right.label)});
    if (report.cancelled)
        rows.append({CorpusExport::tr("Cancelled"), CorpusExport::tr("partial figures: lines %1 to %2 of %3 records")
                                                .arg(count(report.firstLine), count(report.lastLine), count(totalRecords))});
    rows.append({CorpusExport::tr("Records"), CorpusExport::tr("%1 (%2 blank lines skipped)").arg(count(report.records), count(report.blankLines))});
    rows.append({CorpusExport::tr("Invalid input"), count(report.invalidInput)});
    rows.append({CorpusExport::tr("Identical"), CorpusExport::tr("%1 of %2 (%3)")
                                            .arg(count(report.identical), count(report.compared), percent(report.identicalPercent()))});
    rows.append({CorpusExport::tr("Different"), CorpusExport::tr("%1 (%2)").arg(count(report.compared - report.identical),
                                                                percent(report.differentPercent()))});
    for (const auto& [side, name] : {std::pair{&report.left, CorpusExport::tr("Left")}, std::pair{&report.right, CorpusExport::tr("Right")}}) {
        rows.append({CorpusExport::tr("%1 errors").arg(name), CorpusExport::tr("%1 (%2)").arg(count(side->failed + side->invalid),
                                                                              percent(side->errorRatePercent))});
        if (side->timed())
            rows.append({CorpusExport::tr("%1 time per record").arg(name),
                         CorpusExport::tr("p50 %1, p95 %2").arg(micros(side->times.percentileUs(50)), micros(side->times.percentileUs(95)))});
        if (side->fallbacks > 0)
            rows.append({CorpusExport::tr("%1 V1 fallbacks").arg(name), count(side->fallbacks)});
    }
    const double ratio = report.timeRatio();
    rows.append({CorpusExport::tr("Time right/left"), ratio > 0 ? QStringLiteral("%1×").arg(QLocale().toString(ratio, 'f', 2))
                                                        : CorpusExport::tr("n/a")});
    rows.append({CorpusExport::tr("Difference groups"), count(report.differences.size())});
    rows.append({CorpusExport::tr("Failure groups"), count(report.failures.size())});
    return rows;
}

QString corpusReportHtml(const mdsl::CorpusReport& report, const QString& corpusPath, std::uint64_t totalRecords)
{
    QString h;
    const QString title = CorpusExport::tr("Corpus comparison: %1").arg(QFileInfo(corpusPath).fileName());
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\"><title>%2</title>\n")
             .arg(QLocale().name().left(2), esc(title));
    h += QStringLiteral(
        "<style>body{font-family:sans-serif;margin:2em;max-width:60em;color:#222}"
        "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.2em .6em;text-align:left;"
        "vertical-align:top}th{background:#eee}.go{background:#d7f5d7;padding:.6em;font-size:1.4em}"
        ".nogo{background:#f8d4d4;padding:.6em;font-size:1.4em}code{font-size:.9em;word-break:break-all}"
        "img{max-width:100%;border:1px solid #ddd;margin:.3em 0}</style></head><body>\n");
    h += QStringLiteral("<h1>%1</h1>\n<p>%2</p>\n").arg(esc(title),
        esc(CorpusExport::tr("%1 — written %2").arg(QDir::toNativeSeparators(corpusPath),
                                            QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat))));
    h += QStringLiteral("<div class=\"%1\">%2</div>\n<ul>\n").arg(report.verdict.go ? QStringLiteral("go") : QStringLiteral("nogo"),
                                                                  esc(verdictTitle(report)));
    for (const mdsl::VerdictCheck& c : report.verdict.checks) {
        const QString state = !c.applicable ? CorpusExport::tr("n/a") : c.passed ? CorpusExport::tr("passed") : CorpusExport::tr("FAILED");
        h += QStringLiteral("<li><b>%1</b> (%2): %3</li>\n").arg(esc(checkTitle(c.name)), esc(state), esc(c.reason));
    }
    h += QStringLiteral("</ul>\n<h2>%1</h2>\n<table>\n").arg(esc(CorpusExport::tr("Figures")));
    for (const FigureRow& row : corpusFigures(report, totalRecords))
        h += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(esc(row.name), esc(row.value));
    h += QStringLiteral("</table>\n<h2>%1</h2>\n").arg(esc(CorpusExport::tr("Plots")));
    h += chartImage(timeDistributionChart(report)) + QLatin1Char('\n');
    h += chartImage(differenceGroupsChart(report)) + QLatin1Char('\n');
    h += chartImage(failuresChart(report)) + QLatin1Char('\n');

    h += QStringLiteral("<h2>%1</h2>\n").arg(esc(CorpusExport::tr("Difference groups")));
    if (report.differences.empty())
        h += QStringLiteral("<p>%1</p>\n").arg(esc(CorpusExport::tr("No record differs.")));
    for (const mdsl::DifferenceGroup& g : report.differences) {
        const double share = report.compared == 0 ? 0 : 100.0 * double(g.records) / double(report.compared);
        h += QStringLiteral("<h3><code>%1</code> — %2: %3 (%4)</h3>\n<table><tr><th>%5</th><th>%6</th><th>%7</th></tr>\n")
                 .arg(esc(g.pointer.empty() ? CorpusExport::tr("(whole output)").toStdString() : g.pointer),
                      esc(std::string(mdsl::differenceKindName(g.kind))),
                      esc(CorpusExport::tr("%1 records").arg(count(g.records))),
                      esc(percent(share)), esc(CorpusExport::tr("Line")), esc(QString::fromStdString(report.left.label)),
                      esc(QString::fromStdString(report.right.label)));
        for (const mdsl::GroupExample& e : g.examples)
            h += QStringLiteral("<tr><td>%1</td><td><code>%2</code></td><td><code>%3</code></td></tr>\n")
                     .arg(count(e.line), esc(e.left), esc(e.right));
        h += QStringLiteral("</table>\n");
    }
    h += QStringLiteral("<h2>%1</h2>\n").arg(esc(CorpusExport::tr("Failures")));
    if (report.failures.empty())
        h += QStringLiteral("<p>%1</p>\n").arg(esc(CorpusExport::tr("No record failed.")));
    else
        h += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>\n")
                 .arg(esc(CorpusExport::tr("Side")), esc(CorpusExport::tr("Code")), esc(CorpusExport::tr("Records")), esc(CorpusExport::tr("Message")),
                      esc(CorpusExport::tr("Lines")));
    for (const mdsl::FailureGroup& g : report.failures) {
        QStringList lines;
        for (std::uint64_t line : g.lines)
            lines << count(line);
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>\n")
                 .arg(esc(g.side), esc(g.code), count(g.records), esc(g.message), esc(lines.join(QStringLiteral(", "))));
    }
    if (!report.failures.empty())
        h += QStringLiteral("</table>\n");
    if (report.right.profile && !report.right.profile->rules.empty()) {
        h += QStringLiteral("<h2>%1</h2>\n<table><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>\n")
                 .arg(esc(CorpusExport::tr("Costly rules (right side)")), esc(CorpusExport::tr("Rule")), esc(CorpusExport::tr("Calls")),
                      esc(CorpusExport::tr("Time")), esc(CorpusExport::tr("Share")), esc(CorpusExport::tr("Errors")));
        std::vector<mdsl::RuleFigures> rules = report.right.profile->rules;
        std::sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.totalNs > b.totalNs; });
        rules.resize(std::min<std::size_t>(rules.size(), 20));
        for (const mdsl::RuleFigures& r : rules)
            h += QStringLiteral("<tr><td>%1: <code>%2</code></td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>\n")
                     .arg(QString::number(r.line), esc(r.target), count(r.calls), micros(double(r.totalNs) / 1000.0),
                          percent(100.0 * report.right.profile->share(r)), count(r.errors));
        h += QStringLiteral("</table>\n");
    }
    h += QStringLiteral("</body></html>\n");
    return h;
}

QByteArray corpusReportJsonBytes(const mdsl::CorpusReport& report)
{
    return QByteArray::fromStdString(mdsl::corpusReportJson(report).dump(2, ' ', false, mdsl::Json::error_handler_t::replace) + "\n");
}

QByteArray corpusReportJUnitBytes(const mdsl::CorpusReport& report)
{
    return QByteArray::fromStdString(mdsl::corpusReportJUnit(report, report.right.name.empty() ? "compare" : report.right.name));
}

QString writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return file.errorString();
    return {};
}

} // namespace studio
