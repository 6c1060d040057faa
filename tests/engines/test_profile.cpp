// The per-rule profile (RunOptions::profile): exact counts per rule, the same on both engines
// for a version 1 mapping, times that add up, and totals merged over runs.

#include "testmain.h"

#include "enginetest.h"

#include "mdsl/engine.h"
#include "mdsl/profile.h"

#include <QTest>

using mdsl::Json;

namespace {

// id writes, email skips (missing), bad fails (upper of a number), name writes.
constexpr std::string_view kProfiledV1 = R"(mapping "prof" version 1
id <- .id
email <- .contact.email
bad <- upper(.id)
name <- upper(.name)
)";

constexpr std::string_view kProfiledV2 = R"(mapping "prof2" version 2
lines[] <- each .items {
  sku <- .sku
  half <- .qty / 2
}
)";

mdsl::RunOptions profiledOptions()
{
    mdsl::RunOptions options = enginetest::pinnedOptions();
    options.profile = true;
    return options;
}

const mdsl::RuleFigures* ruleFor(const mdsl::RuleProfile& profile, std::string_view target)
{
    for (const mdsl::RuleFigures& rule : profile.rules)
        if (rule.target == target)
            return &rule;
    return nullptr;
}

/// calls/writes/skips/errors of a rule, for QCOMPARE.
QString counts(const mdsl::RuleProfile& profile, std::string_view target)
{
    const mdsl::RuleFigures* rule = ruleFor(profile, target);
    if (!rule)
        return QStringLiteral("absent");
    return QStringLiteral("%1/%2/%3/%4").arg(rule->calls).arg(rule->writes).arg(rule->skips).arg(rule->errors);
}

} // namespace

class TestProfile : public QObject {
    Q_OBJECT

private slots:
    void withoutTheOptionThereIsNoProfile()
    {
        const mdsl::RunResult r = enginetest::runWith(mdsl::EngineKind::V2, kProfiledV1, Json{{"id", 1}});
        QVERIFY(!r.profile);
        QVERIFY(!mdsl::toJson(r).contains("profile"));
    }

    void eachRuleIsCountedExactly()
    {
        const Json input = {{"id", 7}, {"name", "ann"}};
        for (const mdsl::EngineKind engine : {mdsl::EngineKind::V1, mdsl::EngineKind::V2}) {
            const mdsl::RunResult r = enginetest::runWith(engine, kProfiledV1, input, profiledOptions());
            QVERIFY(r.profile);
            const mdsl::RuleProfile& p = *r.profile;
            QCOMPARE(p.runs, std::uint64_t{1});
            QCOMPARE(p.rules.size(), std::size_t{4});
            QCOMPARE(counts(p, "id"), QStringLiteral("1/1/0/0"));
            QCOMPARE(counts(p, "email"), QStringLiteral("1/0/1/0"));
            QCOMPARE(counts(p, "bad"), QStringLiteral("1/0/0/1"));
            QCOMPARE(counts(p, "name"), QStringLiteral("1/1/0/0"));
            // Source order, with the rule's line.
            QCOMPARE(p.rules[0].target, std::string("id"));
            QCOMPARE(p.rules[0].line, 2);
            QCOMPARE(p.rules[3].line, 5);
            QCOMPARE(p.rules[3].column, 1);
        }
    }

    void bothEnginesGiveTheSameCountsOnAVersionOneMapping()
    {
        const Json inputs[] = {Json{{"id", 1}, {"name", "a"}, {"contact", {{"email", "x@y"}}}}, Json{{"id", "s"}},
                               Json::object()};
        for (const Json& input : inputs) {
            const mdsl::RunResult v1 = enginetest::runWith(mdsl::EngineKind::V1, kProfiledV1, input, profiledOptions());
            const mdsl::RunResult v2 = enginetest::runWith(mdsl::EngineKind::V2, kProfiledV1, input, profiledOptions());
            QVERIFY(v1.profile && v2.profile);
            QCOMPARE(v1.profile->rules.size(), v2.profile->rules.size());
            for (std::size_t i = 0; i < v1.profile->rules.size(); ++i) {
                const mdsl::RuleFigures& a = v1.profile->rules[i];
                const mdsl::RuleFigures& b = v2.profile->rules[i];
                QCOMPARE(a.target, b.target);
                QCOMPARE(a.line, b.line);
                QCOMPARE(counts(*v1.profile, a.target), counts(*v2.profile, b.target));
            }
        }
    }

    // A rule inside an array block runs once per element.
    void aRuleInABlockIsCalledPerElement()
    {
        const Json input = {{"items", Json::array({{{"sku", "a"}, {"qty", 4}}, {{"sku", "b"}}, {{"qty", "x"}}})}};
        const mdsl::RunResult r = enginetest::runWith(mdsl::EngineKind::V2, kProfiledV2, input, profiledOptions());
        QVERIFY(r.profile);
        QCOMPARE(counts(*r.profile, "sku"), QStringLiteral("3/2/1/0"));
        QCOMPARE(counts(*r.profile, "half"), QStringLiteral("3/1/1/1"));
    }

    void timesAddUpAndMergeSumsTheRuns()
    {
        const Json input = {{"id", 7}, {"name", "ann"}};
        mdsl::RuleProfile total;
        std::int64_t runs = 0;
        for (int i = 0; i < 3; ++i) {
            const mdsl::RunResult r = enginetest::runWith(mdsl::EngineKind::V2, kProfiledV1, input, profiledOptions());
            std::int64_t rules = 0;
            for (const mdsl::RuleFigures& rule : r.profile->rules) {
                QVERIFY(rule.totalNs > 0);
                rules += rule.totalNs;
            }
            QVERIFY(rules <= r.profile->runNs);
            runs += r.profile->runNs;
            total.merge(*r.profile);
        }
        QCOMPARE(total.runs, std::uint64_t{3});
        QCOMPARE(total.runNs, runs);
        QCOMPARE(counts(total, "email"), QStringLiteral("3/0/3/0"));
        QCOMPARE(counts(total, "bad"), QStringLiteral("3/0/0/3"));
        double shares = 0;
        for (const mdsl::RuleFigures& rule : total.rules) {
            QCOMPARE(rule.meanNs(), static_cast<double>(rule.totalNs) / 3.0);
            shares += total.share(rule);
        }
        QVERIFY(shares > 0 && shares <= 1.0);
    }

    void theJsonCarriesTheFigures()
    {
        const mdsl::RunResult r
            = enginetest::runWith(mdsl::EngineKind::V1, kProfiledV1, Json{{"id", 7}}, profiledOptions());
        const Json json = mdsl::toJson(r);
        QVERIFY(json.contains("profile"));
        const Json& rule = json["profile"]["rules"][2];
        QCOMPARE(rule["target"].get<std::string>(), std::string("bad"));
        QCOMPARE(rule["line"].get<int>(), 4);
        QCOMPARE(rule["errors"].get<int>(), 1);
        QVERIFY(rule.contains("mean_ns") && rule.contains("share") && rule.contains("total_ns"));
        // The compact writer of batch lines gives the same document.
        std::string line;
        mdsl::appendResultJson(line, r);
        QVERIFY(Json::parse(line) == json);
        QVERIFY(mdsl::profileText(*r.profile).find("upper") == std::string::npos);
        QVERIFY(mdsl::profileText(*r.profile).find("bad\n") != std::string::npos);
    }
};

MDSL_TEST_MAIN(TestProfile)
#include "test_profile.moc"
