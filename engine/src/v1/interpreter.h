#pragma once
// Internal: the V1 engine — the reference interpreter of language version 1 (design
// section 8): a plain walk over the AST, written for obvious correctness. It runs version 1
// documents only (the facade refuses version 2 documents with E303 before it gets here).

#include "mdsl/ast.h"
#include "runtime/state.h"

#include <unordered_set>

namespace mdsl::v1 {

/// A version 1 document ready to run: the AST and which of its expressions lie inside a
/// constant expression (evaluated quietly: one step and one trace value for the whole).
class Program {
public:
    explicit Program(const ast::Document& document);

    [[nodiscard]] const ast::Document& document() const noexcept { return document_; }
    [[nodiscard]] bool isQuiet(const ast::Expr& expr) const { return quiet_.count(&expr) != 0; }

private:
    const ast::Document& document_;
    std::unordered_set<const ast::Expr*> quiet_;
};

/// Runs the program over the state's input and returns the output. Rule errors are recorded
/// in the state; a limit error is thrown (rt::Failure with fatal set) and `output` keeps what
/// was written before it.
void run(const Program& program, rt::RunState& state, Json& output);

} // namespace mdsl::v1
