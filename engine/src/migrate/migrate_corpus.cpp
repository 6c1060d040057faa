// The corpus check of a migration (mdsl/migrate.h): what `mapping-dsl migrate --corpus` and
// the studio's "Check on a Corpus…" run before a migrated text is trusted.

#include "mdsl/migrate.h"

#include <algorithm>
#include <istream>

namespace mdsl {

MigrationCorpusCheck checkMigrationOnCorpus(std::istream& corpus, std::string_view original, std::string_view migrated,
                                            const Flags& flags, bool pairs, unsigned jobs, std::size_t maxLines)
{
    const CorpusSide left = mappingSide("original", std::string(original), SideEngine::V1, flags);
    const CorpusSide right = mappingSide("migrated", std::string(migrated), SideEngine::V2, flags);
    CorpusOptions options;
    options.jobs = jobs;
    options.pairs = pairs;
    options.examplesPerGroup = std::max<std::size_t>(maxLines, 1);
    MigrationCorpusCheck check;
    check.report = compareCorpus(corpus, left, right, options);
    const CorpusReport& r = check.report;
    check.differing = r.compared - std::min(r.compared, r.identical);
    for (const DifferenceGroup& group : r.differences)
        for (const GroupExample& example : group.examples)
            check.lines.push_back(example.line);
    std::sort(check.lines.begin(), check.lines.end());
    check.lines.erase(std::unique(check.lines.begin(), check.lines.end()), check.lines.end());
    if (check.lines.size() > maxLines)
        check.lines.resize(maxLines);

    check.same = r.inputError.empty() && r.left.runs && r.right.runs && check.differing == 0;
    const std::string records = std::to_string(r.compared) + (r.compared == 1 ? " record" : " records");
    if (!r.inputError.empty())
        check.summary = "the corpus could not be read to its end: " + r.inputError;
    else if (!r.left.runs || !r.right.runs)
        check.summary = std::string("the ") + (r.left.runs ? "migrated" : "original") + " mapping does not run";
    else if (check.differing > 0)
        check.summary = std::to_string(check.differing) + " of " + records + " differ between the original on V1 and the "
                        "migrated mapping on V2";
    else
        check.summary = "identical on all " + records + " (the original on V1, the migrated mapping on V2)";
    if (r.invalidInput > 0)
        check.summary += "; " + std::to_string(r.invalidInput) + " invalid input lines were not run";
    return check;
}

} // namespace mdsl
