#include "corpuscharts.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBuffer>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QHorizontalBarSeries>
#include <QImage>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>
#include <map>

namespace studio {

// The context of this file's translations.
struct CorpusCharts {
    Q_DECLARE_TR_FUNCTIONS(studio::CorpusCharts)
};

namespace {

QString sideName(const mdsl::SideFigures& side, const char* fallback)
{
    return side.label.empty() ? CorpusCharts::tr(fallback) : QString::fromStdString(side.label);
}

// A long JSON Pointer keeps its end, where the differing member is.
QString shortPointer(const std::string& pointer)
{
    QString text = pointer.empty() ? CorpusCharts::tr("(whole output)") : QString::fromStdString(pointer);
    return text.size() > 32 ? QStringLiteral("…") + text.right(31) : text;
}

std::unique_ptr<QChart> newChart(const QString& title)
{
    auto chart = std::make_unique<QChart>();
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

void addHorizontalBars(QChart& chart, QHorizontalBarSeries* series, const QStringList& categories, double max)
{
    chart.addSeries(series);
    auto* axisY = new QBarCategoryAxis;
    axisY->append(categories);
    chart.addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    auto* axisX = new QValueAxis;
    axisX->setRange(0, std::max(1.0, max * 1.1));
    axisX->setLabelFormat(QStringLiteral("%d"));
    axisX->setTitleText(CorpusCharts::tr("records"));
    chart.addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
}

} // namespace

std::unique_ptr<QChart> timeDistributionChart(const mdsl::CorpusReport& report)
{
    auto chart = newChart(CorpusCharts::tr("Time per record"));
    auto* axisX = new QLogValueAxis;
    axisX->setBase(10);
    axisX->setTitleText(CorpusCharts::tr("microseconds"));
    axisX->setLabelFormat(QStringLiteral("%g"));
    auto* axisY = new QValueAxis;
    axisY->setTitleText(CorpusCharts::tr("records"));
    axisY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    double minX = 1e12;
    double maxX = 0;
    double maxY = 0;
    for (const auto& [side, fallback] : {std::pair{&report.left, "left"}, std::pair{&report.right, "right"}}) {
        if (!side->timed() || side->times.count() == 0)
            continue;
        auto* series = new QLineSeries;
        series->setName(sideName(*side, fallback));
        for (const auto& [us, count] : side->times.bucketsUs()) {
            const double x = std::max(us, 0.01);
            series->append(x, double(count));
            minX = std::min(minX, x);
            maxX = std::max(maxX, x);
            maxY = std::max(maxY, double(count));
        }
        chart->addSeries(series);
        series->attachAxis(axisX);
        series->attachAxis(axisY);
    }
    if (maxX == 0) {
        minX = 1;
        maxX = 10;
    }
    axisX->setRange(minX / 1.5, maxX * 1.5);
    axisY->setRange(0, std::max(1.0, maxY * 1.1));
    return chart;
}

std::unique_ptr<QChart> differenceGroupsChart(const mdsl::CorpusReport& report)
{
    auto chart = newChart(CorpusCharts::tr("Difference groups"));
    auto* set = new QBarSet(CorpusCharts::tr("records that differ"));
    QStringList categories;
    double max = 0;
    const std::size_t shown = std::min<std::size_t>(report.differences.size(), 12);
    // Bars are drawn bottom-up: the largest group last, at the top.
    for (std::size_t i = shown; i-- > 0;) {
        const mdsl::DifferenceGroup& g = report.differences[i];
        categories << QStringLiteral("%1 · %2").arg(shortPointer(g.pointer), QString::fromUtf8(mdsl::differenceKindName(g.kind)));
        set->append(double(g.records));
        max = std::max(max, double(g.records));
    }
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    addHorizontalBars(*chart, series, categories, max);
    chart->legend()->setVisible(false);
    return chart;
}

std::unique_ptr<QChart> failuresChart(const mdsl::CorpusReport& report)
{
    auto chart = newChart(CorpusCharts::tr("Failures by error code"));
    std::map<std::string, std::pair<double, double>> byCode;   // code -> (left, right); invalid input in both
    for (const mdsl::FailureGroup& g : report.failures) {
        const std::string code = g.side == "input" ? "input " + g.code : g.code.empty() ? "?" : g.code;
        auto& counts = byCode[code];
        (g.side == "left" ? counts.first : counts.second) += double(g.records);
    }
    auto* left = new QBarSet(sideName(report.left, "left"));
    auto* right = new QBarSet(sideName(report.right, "right"));
    QStringList categories;
    double max = 0;
    for (const auto& [code, counts] : byCode) {
        categories << QString::fromStdString(code);
        left->append(counts.first);
        right->append(counts.second);
        max = std::max({max, counts.first, counts.second});
    }
    if (byCode.empty())
        chart->setTitle(CorpusCharts::tr("Failures by error code: none"));
    auto* series = new QHorizontalBarSeries;
    series->append(left);
    series->append(right);
    addHorizontalBars(*chart, series, categories, max);
    return chart;
}

void applyChartPalette(QChart& chart, const QPalette& palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    // setTheme resets the colours of the series: set it first, then the palette's own.
    chart.setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart.setBackgroundBrush(palette.color(QPalette::Base));
    chart.setTitleBrush(palette.color(QPalette::Text));
    chart.legend()->setLabelColor(palette.color(QPalette::Text));
    for (QAbstractAxis* axis : chart.axes()) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setTitleBrush(palette.color(QPalette::Text));
    }
}

QByteArray chartPng(QChart& chart, QSize size)
{
    QGraphicsScene scene;
    const bool owned = chart.scene() == nullptr;
    if (owned)
        scene.addItem(&chart);
    chart.resize(size);
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        chart.scene()->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), chart.sceneBoundingRect());
    }
    if (owned)
        scene.removeItem(&chart);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

} // namespace studio
