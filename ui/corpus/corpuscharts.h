#pragma once
// The Corpus view's plots, made with Qt Charts from a comparison's report: the time per record
// of both sides (the report's histograms), the difference groups, and the failures by error
// code. The same charts are drawn in the view and rendered to images for the HTML report.

#include "mdsl/corpus.h"

#include <QByteArray>
#include <QPalette>
#include <QSize>

#include <memory>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace studio {

/// Records per run time (microseconds, logarithmic) for each timed side.
std::unique_ptr<QChart> timeDistributionChart(const mdsl::CorpusReport& report);
/// Records per difference group (the largest first, at most 12 bars).
std::unique_ptr<QChart> differenceGroupsChart(const mdsl::CorpusReport& report);
/// Records per error code, one bar set per side (invalid input apart).
std::unique_ptr<QChart> failuresChart(const mdsl::CorpusReport& report);

/// Light or dark chart colours, following the palette.
void applyChartPalette(QChart& chart, const QPalette& palette);

/// The chart drawn at `size` as a PNG (what the HTML report embeds).
QByteArray chartPng(QChart& chart, QSize size);

} // namespace studio
