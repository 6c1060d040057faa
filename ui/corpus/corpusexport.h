#pragma once
// What the Corpus view shows and exports about one comparison: its figures as rows (the view's
// table and the HTML report), the verdict's checks named in the interface language, the HTML
// report (self-contained: the plots embedded as PNG data URIs), and the JSON and JUnit reports
// exactly as `mapping-dsl compare --report json|junit` writes them (the engine's writers).

#include "mdsl/corpus.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace studio {

struct FigureRow {
    QString name;
    QString value;
};

/// The figures of a report, one row each, in the interface language.
QList<FigureRow> corpusFigures(const mdsl::CorpusReport& report, std::uint64_t totalRecords);

/// A verdict check's name in the interface language ("error_rate" -> "Error rate").
QString checkTitle(const std::string& name);

/// "GO", "NO-GO", or "NO-GO (partial)" after a Cancel.
QString verdictTitle(const mdsl::CorpusReport& report);

/// The HTML report: the verdict, the figures, the three plots, the groups with their example
/// records and the costly rules; it needs nothing beside it to open.
QString corpusReportHtml(const mdsl::CorpusReport& report, const QString& corpusPath, std::uint64_t totalRecords);

/// The JSON report (mdsl::corpusReportJson, indented as the command line writes it).
QByteArray corpusReportJsonBytes(const mdsl::CorpusReport& report);
/// The JUnit report (mdsl::corpusReportJUnit) named after the right side.
QByteArray corpusReportJUnitBytes(const mdsl::CorpusReport& report);

/// Writes a file atomically (QSaveFile): the old file stays whole if anything fails. "" or why.
QString writeFileAtomically(const QString& path, const QByteArray& bytes);

} // namespace studio
