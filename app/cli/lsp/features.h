#pragma once
// The language features of the server, each a function of an open document, its analysis
// and the request's parameters, answering the LSP result as JSON. A request that cannot be
// answered throws RequestError (an LSP error response).

#include "lsp/document.h"
#include "lsp/transport.h"

#include <string>
#include <vector>

namespace lsp {

/// An error response to a request.
struct RequestError {
    int code = kInvalidParams;
    std::string message;
};

/// What the client said it supports (initialize's capabilities).
struct ClientSupport {
    bool snippets = false;
    bool markdown = false;
    bool hierarchicalSymbols = false;
    bool prepareRename = false;
};

/// A member of a request's parameters, of the type asked; RequestError (invalid params) when
/// it is absent or of another type.
const Json& objectMember(const Json& object, const char* key);
std::string stringMember(const Json& object, const char* key);
std::int64_t integerMember(const Json& object, const char* key);
/// The byte offset of params.position in the document; out of range: RequestError.
std::uint32_t positionOffset(const Document& document, const Json& params);

/// Diagnostics as LSP diagnostics: code, a link to the code's section of docs/diagnostics.md
/// (docsUrl + "#e201"), related information, the fixes' titles in `data`.
Json toLspDiagnostics(const std::vector<mdsl::Diagnostic>& diagnostics, const PositionMap& lines,
                      const std::string& uri, const std::string& docsUrl);

/// Words the completion, hover and signature help look at.
bool isWordByte(char c);

// completion.cpp
Json completion(const Document& document, const mdsl::Analysis& analysis, std::uint32_t offset,
                const std::vector<std::string>& samplePaths, const ClientSupport& client);
Json signatureHelp(const Document& document, std::uint32_t offset);

// navigation.cpp
Json hover(const Document& document, const mdsl::Analysis& analysis, std::uint32_t offset, const ClientSupport& client);
Json definition(const Document& document, const mdsl::Analysis& analysis, std::uint32_t offset);
Json references(const Document& document, const mdsl::Analysis& analysis, std::uint32_t offset, bool withDefinition);
Json prepareRename(const Document& document, const mdsl::Analysis& analysis, std::uint32_t offset);
Json rename(const Document& document, const mdsl::Analysis& analysis, std::uint32_t offset, const std::string& newName);

// structure.cpp
Json documentSymbols(const Document& document, const mdsl::Analysis& analysis, const ClientSupport& client);
Json foldingRanges(const Document& document, const mdsl::Analysis& analysis);
Json formatting(const Document& document);
Json codeActions(const Document& document, const mdsl::Analysis& analysis, const Json& params);

} // namespace lsp
