#include "commands.h"

namespace cli {

// Commands declared here rather than in a header of their own (defined in cmd_<name>.cpp).
int runValidate(const std::vector<std::string>& args);
int runFunctions(const std::vector<std::string>& args);
int runFmt(const std::vector<std::string>& args);
int runQuery(const std::vector<std::string>& args);
int runDryRun(const std::vector<std::string>& args);
int runCompare(const std::vector<std::string>& args);
int runCompile(const std::vector<std::string>& args);
int runLineage(const std::vector<std::string>& args);
int runRepro(const std::vector<std::string>& args);
int runTest(const std::vector<std::string>& args);
int runMigrate(const std::vector<std::string>& args);
int runLsp(const std::vector<std::string>& args);
int runServe(const std::vector<std::string>& args);

const std::vector<Command>& commands()
{
    static const std::vector<Command> table = {
        {"validate", "check a mapping: syntax, names, functions, targets, version and flags", &runValidate},
        {"compile", "print what an engine compiles a mapping to (V2 plan or V1 syntax tree)", &runCompile},
        {"dry-run", "run a mapping on an input (or an NDJSON stream) through V1, V2 or both", &runDryRun},
        {"compare", "compare two sides (mappings on engines, recorded outputs) over an NDJSON corpus: GO/NO-GO", &runCompare},
        {"test", "run the tests kept beside a mapping (NAME.tests/ or NAME.tests.ndjson)", &runTest},
        {"lineage", "print the source paths each target of a mapping reads", &runLineage},
        {"repro", "replay a repro bundle and say whether production's output is reproduced", &runRepro},
        {"migrate", "rewrite a version 1 mapping as version 2, proven on a corpus; or report adoption over a folder", &runMigrate},
        {"fmt", "format a mapping in the canonical layout (or check that it is)", &runFmt},
        {"functions", "print the function catalog (Markdown reference or JSON)", &runFunctions},
        {"query", "run a JSONPath query over a JSON document", &runQuery},
        {"lsp", "serve editors over the Language Server Protocol (Kate, Neovim, VS Code...)", &runLsp},
        {"serve", "serve production's six endpoints over HTTP, with live flags and metrics", &runServe},
    };
    return table;
}

} // namespace cli
