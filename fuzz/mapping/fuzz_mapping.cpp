// Mapping text through the front end: parse, validate (both engines), format.
// Invariants: the parser always returns a document; every diagnostic is valid UTF-8, lies in
// the text and goes through the JSON, SARIF and text reports; the syntax tree serializes
// (`mapping-dsl compile`); formatting refuses exactly the texts with syntax errors, and what it
// gives parses to the same tree and formats to itself (idempotent).

#include "fuzz_support.h"

#include "mdsl/ast.h"
#include "mdsl/format.h"
#include "mdsl/syntax.h"
#include "mdsl/validate.h"

using namespace mdsl;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = fuzz::asText(data, size);
    const ParsedDocument parsed = parseDocument(text);
    FUZZ_CHECK(parsed.document, "no document");
    fuzz::checkDiagnostics(parsed.diagnostics, text, /*reports=*/false);
    std::string error;
    FUZZ_CHECK(fuzz::serializes(astToJson(*parsed.document, true), &error), "astToJson: " + error);

    for (const EngineKind engine : { EngineKind::V1, EngineKind::V2 }) {
        ValidateOptions options;
        options.engine = engine;
        // The reports once: V1's diagnostics hold the syntax errors and most of V2's findings.
        fuzz::checkDiagnostics(validate(text, options), text, engine == EngineKind::V1);
    }

    const FormatResult formatted = formatDocument(text);
    FUZZ_CHECK(formatted.ok == parsed.ok(), "format refuses other texts than the parser");
    if (!formatted.ok) {
        fuzz::checkDiagnostics(formatted.diagnostics, text, /*reports=*/false);
        return 0;
    }
    const ParsedDocument reparsed = parseDocument(formatted.text);
    FUZZ_CHECK(reparsed.ok(), "the formatted text does not parse:\n" + formatted.text);
    FUZZ_CHECK(astToJson(*reparsed.document) == astToJson(*parsed.document),
        "formatting changed the meaning:\n" + formatted.text);
    const FormatResult again = formatDocument(formatted.text);
    FUZZ_CHECK(again.ok && again.text == formatted.text,
        "formatting is not idempotent:\n" + formatted.text + "----\n" + again.text);
    return 0;
}
