// The operators, as catalog entries: hover and the reference describe them like functions.
// Version 1: arithmetic, comparison, logic. Version 2 (new_ops): `??` and `|`.

#include "catalog/entries.h"

namespace mdsl::detail {

namespace {

CatalogEntry op(std::string_view name, std::string_view signature, int arity, std::string_view summary,
                std::string_view missing, std::string_view errors, std::vector<CatalogExample> examples,
                int version = 1)
{
    CatalogEntry entry = function(name, signature, arity, arity, summary, missing, errors, std::move(examples));
    entry.kind = CatalogKind::Operator;
    entry.version = version;
    if (version == 2)
        entry.flag = Flag::V2NewOps;
    return entry;
}

} // namespace

void addOperators(std::vector<CatalogEntry>& out)
{
    constexpr std::string_view kNumbers = "An operand that is not a number.";
    constexpr std::string_view kBoolean = "An operand that is not a boolean.";
    constexpr std::string_view kOrdered = "Operands that are not both numbers or both strings.";

    out.push_back(op("+", "a + b", 2,
                     "Adds two numbers (an integer overflow gives a double), or joins two strings.",
                     kMissingOnly, "Operands that are not both numbers or both strings.",
                     {{"1 + 2", "", "3"}, {R"("a" + "b")", "", R"("ab")"},
                      {"9223372036854775807 + 1", "", "9.223372036854776e18"}}));
    out.push_back(op("-", "a - b, -a", 2, "Subtracts, or negates a number (the unary form).",
                     kMissingOnly, kNumbers, {{"10 - 4", "", "6"}, {"-.a", R"({"a": 2.5})", "-2.5"}}));
    out.back().minArity = 1;
    out.push_back(op("*", "a * b", 2, "Multiplies.", kMissingOnly, kNumbers, {{"6 * 7", "", "42"}}));
    out.push_back(op("/", "a / b", 2,
                     "Divides: an integer when two integers divide exactly, else a double.", kMissingOnly,
                     "An operand that is not a number; division by zero.",
                     {{"6 / 3", "", "2"}, {"7 / 2", "", "3.5"}}));
    out.push_back(op("%", "a % b", 2, "The remainder of integer division, with the sign of `a`.",
                     kMissingOnly, "An operand that is not an integer; division by zero.",
                     {{"7 % 3", "", "1"}, {"-7 % 3", "", "-1"}}));
    out.push_back(op("==", "a == b", 2, "JSON equality (1 == 1.0; objects ignore member order).",
                     kMissingOnly, "None.", {{"1 == 1.0", "", "true"}, {R"("a" == "b")", "", "false"}}));
    out.push_back(op("!=", "a != b", 2, "The negation of ==.", kMissingOnly, "None.",
                     {{"1 != 2", "", "true"}}));
    out.push_back(op("<", "a < b", 2, "Less than, for numbers or strings (by code point).",
                     kMissingOnly, kOrdered, {{"1 < 2", "", "true"}, {R"("B" < "a")", "", "true"}}));
    out.push_back(op("<=", "a <= b", 2, "Less than or equal.", kMissingOnly, kOrdered, {{"2 <= 2", "", "true"}}));
    out.push_back(op(">", "a > b", 2, "Greater than.", kMissingOnly, kOrdered, {{"3 > 2", "", "true"}}));
    out.push_back(op(">=", "a >= b", 2, "Greater than or equal.", kMissingOnly, kOrdered, {{"1 >= 2", "", "false"}}));
    out.push_back(op("and", "a and b", 2, "Logical and; `b` is not evaluated when `a` is false.",
                     kMissingOnly, kBoolean, {{"true and false", "", "false"}}));
    out.push_back(op("or", "a or b", 2, "Logical or; `b` is not evaluated when `a` is true.",
                     kMissingOnly, kBoolean, {{"false or true", "", "true"}}));
    out.push_back(op("not", "not a", 1, "Logical negation.", kMissingOnly, kBoolean,
                     {{"not true", "", "false"}}));
    out.push_back(op("??", "value ?? fallback", 2,
                     "`value`, or `fallback` when `value` is missing or null (same as default()).",
                     "Takes the fallback when `value` is missing or null; 0 and \"\" are kept.", "None.",
                     {{R"(.nope ?? "x")", "", R"("x")"}, {"null ?? 1", "", "1"}, {"0 ?? 1", "", "0"}}, 2));
    out.push_back(op("|", "value | f(args...), value | f", 2,
                     "Pipe: `x | f(a, b)` is `f(x, a, b)` and `x | f` is `f(x)`.",
                     "As the function called.", "As the function called.",
                     {{R"("a,b" | split(","))", "", R"(["a", "b"])"},
                      {R"(.tags | distinct | sort | join(","))", R"({"tags": ["b", "a", "b"]})", R"("a,b")"}},
                     2));
}

} // namespace mdsl::detail
