#pragma once
// Well-typedness of filter expressions (RFC 9535 section 2.4.3), checked while parsing: the
// function table, and what may be compared, tested or passed as an argument.

#include "ast.h"
#include "lexer.h"

#include <string_view>
#include <vector>

namespace mdsl::jsonpath::detail {

struct Signature {
    std::string_view name;
    Function function;
    std::vector<Type> params;
    Type result;
};

/// The function extension called name, or nullptr.
const Signature* findFunction(std::string_view name);
/// The declared result type of a function.
Type resultType(Function function);
std::string_view functionName(Function function);

/// An operand of ==, <, ... : a literal, a singular query or a function of ValueType.
void checkComparable(const Cursor& cursor, const Expr& expr);
/// A test expression or an operand of !, && and ||: anything logical, a query, or a function
/// of LogicalType or NodesType.
void checkTest(const Cursor& cursor, const Expr& expr);
/// Checks a call's arity and argument types, and compiles a literal regex pattern.
void checkCall(const Cursor& cursor, Expr& call, const Signature& signature);

} // namespace mdsl::jsonpath::detail
