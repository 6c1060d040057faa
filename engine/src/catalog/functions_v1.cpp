// The version 1 functions (docs/functions.md). Their examples use only version 1
// syntax, so the V1 engine runs them too.

#include "catalog/entries.h"

namespace mdsl::detail {

void addV1Functions(std::vector<CatalogEntry>& out)
{
    const std::size_t first = out.size();
    constexpr int V = CatalogEntry::kVariadic;

    out.push_back(function(
        "concat", "concat(value: any, ...) -> string", 1, V,
        "Joins its arguments as text (numbers and booleans as to_string writes them).",
        "Skips missing and null arguments; all of them missing or null gives \"\".",
        "An array or object argument.",
        {{R"(concat("a", .x, "b"))", R"({"x": 1})", R"("a1b")"},
         {R"(concat("a", .nope, null, "b"))", "", R"("ab")"}}));
    out.push_back(function(
        "upper", "upper(text: string) -> string", 1, 1,
        "Upper case, by Unicode case mapping.", kMissingOrNull, "The argument is not a string.",
        {{R"(upper("josé"))", "", R"("JOSÉ")"}, {"upper(.nope)", "", "missing"}}));
    out.push_back(function(
        "lower", "lower(text: string) -> string", 1, 1,
        "Lower case, by Unicode case mapping.", kMissingOrNull, "The argument is not a string.",
        {{R"(lower("ÉCOLE"))", "", R"("école")"}}));
    out.push_back(function(
        "trim", "trim(text: string) -> string", 1, 1,
        "Removes white space (Unicode White_Space) at both ends.", kMissingOrNull,
        "The argument is not a string.", {{R"(trim("  a b  "))", "", R"("a b")"}}));
    out.push_back(function(
        "length", "length(value: string | array | object) -> integer", 1, 1,
        "Code points of a string, elements of an array, or members of an object.", kMissingOrNull,
        "A number or boolean argument.",
        {{R"(length("josé"))", "", "4"}, {"length(.tags)", R"({"tags": [1, 2, 3]})", "3"},
         {"length(.nope)", "", "missing"}}));
    out.push_back(function(
        "substring", "substring(text: string, start: integer, count?: integer) -> string", 2, 3,
        "The code points from `start` (0-based), `count` of them or up to the end.", kMissingOrNull,
        "`start` or `count` negative or not an integer; `text` not a string.",
        {{R"(substring("Mapping", 0, 3))", "", R"("Map")"}, {R"(substring("josé", 2))", "", R"("sé")"},
         {R"(substring("abc", 5))", "", R"("")"}}));
    out.push_back(function(
        "replace", "replace(text: string, search: string, replacement: string) -> string", 3, 3,
        "Replaces every occurrence of `search` (plain text, not a pattern).", kMissingOrNull,
        "An argument is not a string; `search` is empty.",
        {{R"(replace("a-b-c", "-", "+"))", "", R"("a+b+c")"}}));
    out.push_back(function(
        "to_string", "to_string(value: any) -> string", 1, 1,
        "Text of a value: numbers in shortest round-trip form, true/false, arrays and objects "
        "as compact JSON; a string is returned as is.",
        kMissingOrNull, "None.",
        {{"to_string(42)", "", R"("42")"}, {"to_string(2.50)", "", R"("2.5")"},
         {"to_string(true)", "", R"("true")"}}));
    out.push_back(function(
        "to_number", "to_number(value: string | number | boolean) -> number", 1, 1,
        "A number from JSON number text (blank space around it allowed): an integer when the "
        "text has no fraction or exponent; true is 1, false 0.",
        kMissingOrNull, "A string that is not a number; an array or object.",
        {{R"(to_number("42"))", "", "42"}, {R"(to_number(" 2.5 "))", "", "2.5"},
         {"to_number(true)", "", "1"}}));
    out.push_back(function(
        "to_boolean", "to_boolean(value: boolean | string | number) -> boolean", 1, 1,
        "true/false from \"true\"/\"false\" or a number (0 is false, any other number true).",
        kMissingOrNull, "Any other string; an array or object.",
        {{R"(to_boolean("true"))", "", "true"}, {"to_boolean(0)", "", "false"}}));
    out.push_back(function(
        "default", "default(value: any, fallback: any) -> any", 2, 2,
        "`value`, or `fallback` when `value` is missing or null (same as `value ?? fallback`).",
        "Takes the fallback when `value` is missing or null; an empty string or 0 is kept.", "None.",
        {{R"(default(.nope, "n/a"))", "", R"("n/a")"}, {"default(.a, 0)", R"({"a": null})", "0"},
         {R"(default("", "x"))", "", R"("")"}}));
    out.push_back(function(
        "if", "if(condition: boolean, then: any, else?: any) -> any", 2, 3,
        "`then` when the condition is true, else `else`; only the chosen branch is evaluated.",
        "A missing or null condition counts as false; without `else` the result is missing.",
        "A condition that is not a boolean (nor missing or null).",
        {{R"(if(.qty > 0, "in stock", "sold out"))", R"({"qty": 3})", R"("in stock")"},
         {"if(false, 1)", "", "missing"}, {"if(.nope, 1, 2)", "", "2"}}));
    out.push_back(function(
        "lookup", "lookup(table: object, key: string, fallback?: any) -> any", 2, 3,
        "The value of `key` in a table (a `table` name or any object); a number key is looked up "
        "as its text.",
        "Missing when the key is not in the table, or the key is missing or null; then `fallback` "
        "when one is given.",
        "`table` is not an object; `key` is an array or object.",
        {{"lookup(.codes, .c)", R"({"codes": {"FR": "France"}, "c": "FR"})", R"("France")"},
         {R"(lookup(.codes, "DE"))", R"({"codes": {"FR": "France"}})", "missing"},
         {"mapping \"t\"\ntable countries = { \"FR\": \"France\" }\ncountry <- lookup(countries, \"DE\", \"Unknown\")\n",
          "", R"({"country": "Unknown"})", true}}));
    out.push_back(function(
        "round", "round(x: number, digits?: integer) -> number", 1, 2,
        "Rounds half away from zero to `digits` decimals (default 0: the result is an integer); an "
        "integer rounded to tens, hundreds… (`digits` < 0) stays exact.",
        kMissingOrNull, "`x` not a number; `digits` not an integer.",
        {{"round(2.5)", "", "3"}, {"round(-2.5)", "", "-3"}, {"round(3.14159, 2)", "", "3.14"}}));
    out.push_back(function(
        "floor", "floor(x: number) -> integer", 1, 1, "The largest integer not above `x`.",
        kMissingOrNull, "`x` not a number.", {{"floor(-1.5)", "", "-2"}, {"floor(7)", "", "7"}}));
    out.push_back(function(
        "ceil", "ceil(x: number) -> integer", 1, 1, "The smallest integer not below `x`.",
        kMissingOrNull, "`x` not a number.", {{"ceil(1.2)", "", "2"}}));
    out.push_back(function(
        "abs", "abs(x: number) -> number", 1, 1, "The absolute value.", kMissingOrNull,
        "`x` not a number.", {{"abs(-3)", "", "3"}, {"abs(2.5)", "", "2.5"}}));
    out.push_back(function(
        "min", "min(a: number | string, b: number | string, ...) -> number | string", 2, V,
        "The smallest of two or more numbers, or of two or more strings (by code point).",
        "Missing when an argument is missing; null when an argument is null.",
        "Arguments of different types, or not numbers or strings.",
        {{"min(3, 1, 2)", "", "1"}, {R"(min("b", "a"))", "", R"("a")"}}));
    out.push_back(function(
        "max", "max(a: number | string, b: number | string, ...) -> number | string", 2, V,
        "The largest of two or more numbers, or of two or more strings (by code point).",
        "Missing when an argument is missing; null when an argument is null.",
        "Arguments of different types, or not numbers or strings.",
        {{"max(3, 1, 2)", "", "3"}, {"max(.a, 10)", R"({"a": 12.5})", "12.5"}}));
    out.push_back(function(
        "exists", "exists(value: any) -> boolean", 1, 1, "Whether the value is there (not missing).",
        "false for missing; true for null (null is a value).", "None.",
        {{"exists(.nope)", "", "false"}, {"exists(.a)", R"({"a": null})", "true"}}));
    out.push_back(function(
        "is_null", "is_null(value: any) -> boolean", 1, 1,
        "Whether there is no usable value: true for null and for missing.",
        "true for missing and for null.", "None.",
        {{"is_null(.a)", R"({"a": null})", "true"}, {"is_null(.nope)", "", "true"},
         {"is_null(0)", "", "false"}}));

    for (std::size_t i = first; i < out.size(); ++i) {
        out[i].version = 1;
        out[i].flag = std::nullopt;
    }
}

} // namespace mdsl::detail
