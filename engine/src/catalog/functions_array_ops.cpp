// The version 2 functions of the flag mapping_dsl_v2_array_ops (docs/functions.md).
// Per-element arguments are evaluated once per element with the element as the context.

#include "catalog/entries.h"

namespace mdsl::detail {

void addArrayOpsFunctions(std::vector<CatalogEntry>& out)
{
    const std::size_t first = out.size();
    constexpr int V = CatalogEntry::kVariadic;
    constexpr std::uint32_t kSecond = 1u << 1;   // the per-element expression is argument 1
    constexpr std::string_view kNotArray = "The first argument is not an array.";
    const std::string_view items = R"({"items": [{"sku": "A", "qty": 2, "price": 1.5}, {"sku": "B", "qty": 0, "price": 4}]})";
    const std::string_view people = R"({"p": [{"n": "Ann", "team": "a"}, {"n": "Bob", "team": "b"}, {"n": "Cy", "team": "a"}]})";

    out.push_back(function(
        "map", "map(array: array, each: expression) -> array", 2, 2,
        "The value of `each` for every element (a missing value becomes null, so positions hold).",
        kMissingOrNull, kNotArray, {{"map(.items, .qty * .price)", items, "[3.0, 0]"}}, kSecond));
    out.push_back(function(
        "filter", "filter(array: array, condition: expression) -> array", 2, 2,
        "The elements for which `condition` is true.", kMissingOrNull,
        "A condition that is not a boolean (missing and null count as false).",
        {{"filter(.items, .qty > 0) | map(.sku)", items, R"(["A"])"}}, kSecond));
    out.push_back(function(
        "flatten", "flatten(array: array) -> array", 1, 1,
        "Splices the elements of nested arrays, one level deep.", kMissingOrNull, kNotArray,
        {{"flatten(.a)", R"({"a": [[1, 2], [3], 4]})", "[1, 2, 3, 4]"}}));
    out.push_back(function(
        "sort", "sort(array: array) -> array", 1, 1,
        "Sorted ascending: numbers by value or strings by code point (stable).", kMissingOrNull,
        "Elements that are not all numbers or all strings.",
        {{"sort(.a)", R"({"a": [3, 1, 2]})", "[1, 2, 3]"}, {R"(sort(["b", "a", "B"]))", "", R"(["B", "a", "b"])"}}));
    out.push_back(function(
        "sort_by", "sort_by(array: array, key: expression) -> array", 2, 2,
        "Sorted ascending by the key of each element (stable).", kMissingOrNull,
        "Keys that are not all numbers or all strings.",
        {{"sort_by(.p, .n) | map(.n)", R"({"p": [{"n": "Cy"}, {"n": "Ann"}]})", R"(["Ann", "Cy"])"}}, kSecond));
    out.push_back(function(
        "distinct", "distinct(array: array) -> array", 1, 1,
        "The elements without repeats (JSON equality), first occurrences kept in order.",
        kMissingOrNull, kNotArray, {{"distinct(.a)", R"({"a": [1, 2, 1, 3, 2]})", "[1, 2, 3]"}}));
    out.push_back(function(
        "group_by", "group_by(array: array, key: expression) -> object", 2, 2,
        "An object from each key (as text) to the array of elements with that key, keys in order "
        "of first appearance.",
        kMissingOrNull, "A key that is not a string, number or boolean.",
        {{"group_by(.p, .team) | keys", people, R"(["a", "b"])"}}, kSecond));
    out.push_back(function(
        "index_by", "index_by(array: array, key: expression) -> object", 2, 2,
        "An object from each key (as text) to its element; a later element with the same key "
        "replaces an earlier one.",
        kMissingOrNull, "A key that is not a string, number or boolean.",
        {{"lookup(index_by(.p, .n), \"Bob\")", people, R"({"n": "Bob", "team": "b"})"}}, kSecond));
    out.push_back(function(
        "sum", "sum(array: array) -> number", 1, 1, "The sum of the elements; `sum([])` is 0.",
        kMissingOrNull, "An element that is not a number.",
        {{"sum(.a)", R"({"a": [1, 2, 3.5]})", "6.5"}, {"sum([])", "", "0"}}));
    out.push_back(function(
        "avg", "avg(array: array) -> number", 1, 1, "The mean of the elements; missing for `[]`.",
        kMissingOrNull, "An element that is not a number.",
        {{"avg(.a)", R"({"a": [1, 2, 3, 4]})", "2.5"}, {"avg([])", "", "missing"}}));
    out.push_back(function(
        "min", "min(array: array) -> number | string", 1, 1,
        "The smallest element (numbers, or strings by code point); missing for `[]`. With two or "
        "more arguments, min is the version 1 function.",
        kMissingOrNull, "Elements that are not all numbers or all strings.",
        {{"min(.a)", R"({"a": [3, 1, 2]})", "1"}, {"min([])", "", "missing"}}));
    out.push_back(function(
        "max", "max(array: array) -> number | string", 1, 1,
        "The largest element (numbers, or strings by code point); missing for `[]`. With two or "
        "more arguments, max is the version 1 function.",
        kMissingOrNull, "Elements that are not all numbers or all strings.",
        {{"max(.a)", R"({"a": [3, 1, 2]})", "3"}}));
    out.push_back(function(
        "count", "count(array: array) -> integer", 1, 1, "The number of elements.",
        kMissingOrNull, kNotArray, {{"count(.a)", R"({"a": [1, 2, 3]})", "3"}, {"count(.nope)", "", "missing"}}));
    out.push_back(function(
        "first", "first(array: array) -> any", 1, 1, "The first element; missing for `[]`.",
        kMissingOrNull, kNotArray, {{"first(.a)", R"({"a": [7, 8]})", "7"}, {"first([])", "", "missing"}}));
    out.back().returnsElement = true;
    out.push_back(function(
        "last", "last(array: array) -> any", 1, 1, "The last element; missing for `[]`.",
        kMissingOrNull, kNotArray, {{"last(.a)", R"({"a": [7, 8]})", "8"}, {"last([])", "", "missing"}}));
    out.back().returnsElement = true;
    out.push_back(function(
        "join", "join(array: array, separator?: string) -> string", 1, 2,
        "The elements as text (to_string), separated by `separator` (default \"\"); null elements "
        "are skipped; `join([])` is \"\".",
        kMissingOrNull, "An element that is an array or object.",
        {{R"(join(.tags, ","))", R"({"tags": ["a", "b", 3]})", R"("a,b,3")"}, {R"(join([], ","))", "", R"("")"}}));
    out.push_back(function(
        "reverse", "reverse(array: array) -> array", 1, 1, "The elements in reverse order.",
        kMissingOrNull, kNotArray, {{"reverse(.a)", R"({"a": [1, 2, 3]})", "[3, 2, 1]"}}));
    out.push_back(function(
        "slice", "slice(array: array, start: integer, end?: integer) -> array", 2, 3,
        "The elements from `start` up to `end` (excluded); negative positions count from the end.",
        kMissingOrNull, "`start` or `end` not an integer.",
        {{"slice(.a, 1, 3)", R"({"a": [10, 20, 30, 40]})", "[20, 30]"},
         {"slice(.a, -2)", R"({"a": [10, 20, 30, 40]})", "[30, 40]"}}));
    out.push_back(function(
        "zip", "zip(array: array, array: array, ...) -> array", 2, V,
        "Arrays of the elements at the same position, as long as the shortest argument.",
        kMissingOnly, "An argument that is not an array.",
        {{"zip(.a, .b)", R"({"a": [1, 2, 3], "b": ["x", "y"]})", R"([[1, "x"], [2, "y"]])"}}));
    out.push_back(function(
        "any", "any(array: array, condition: expression) -> boolean", 2, 2,
        "Whether `condition` is true for some element (false for `[]`).", kMissingOrNull,
        "A condition that is not a boolean (missing and null count as false).",
        {{"any(.items, .qty == 0)", items, "true"}}, kSecond));
    out.push_back(function(
        "all", "all(array: array, condition: expression) -> boolean", 2, 2,
        "Whether `condition` is true for every element (true for `[]`).", kMissingOrNull,
        "A condition that is not a boolean (missing and null count as false).",
        {{"all(.items, .qty > 0)", items, "false"}}, kSecond));
    out.push_back(function(
        "find", "find(array: array, condition: expression) -> any", 2, 2,
        "The first element for which `condition` is true; missing when there is none.", kMissingOrNull,
        "A condition that is not a boolean (missing and null count as false).",
        {{"find(.items, .sku == \"B\")", items, R"({"sku": "B", "qty": 0, "price": 4})"}}, kSecond));
    out.back().returnsElement = true;
    out.push_back(function(
        "index", "index() -> integer", 0, 0,
        "The 0-based position of the current element inside the innermost array block.",
        "Takes no argument.", "Called outside an array block (the validator reports it as E207).",
        {{"mapping \"i\" version 2\nlines[] <- each .items {\n  n <- index()\n  sku <- .sku\n}\n", items,
          R"({"lines": [{"n": 0, "sku": "A"}, {"n": 1, "sku": "B"}]})", true}}));

    for (std::size_t i = first; i < out.size(); ++i) {
        out[i].version = 2;
        out[i].flag = Flag::V2ArrayOps;
    }
}

} // namespace mdsl::detail
