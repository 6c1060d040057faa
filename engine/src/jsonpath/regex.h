#pragma once
// I-Regexp (RFC 9485) for match() and search(): translated to RE2's syntax, so matching
// takes linear time whatever the pattern.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace mdsl::jsonpath::detail {

/// The RE2 pattern equivalent to an I-Regexp, or nullopt with error set when pattern is not
/// a valid I-Regexp: to a phrase id with the offset (mdsl::phrases(), "regex.unclosed-paren:2";
/// phraseText() words it), or, from compileIRegexp(), to RE2's English message. '.' becomes "any character but \n and \r", as RFC 9485 says.
std::optional<std::string> translateIRegexp(std::string_view pattern, std::string& error);

/// Translates and compiles; nullptr with error set when the pattern is invalid (or beyond
/// what RE2 accepts, such as a repetition count above 1000).
std::shared_ptr<const re2::RE2> compileIRegexp(std::string_view pattern, std::string& error);

/// compileIRegexp for patterns that come from the document at run time: compiled regexes
/// (and invalid patterns, as nullptr) are cached and shared between threads.
std::shared_ptr<const re2::RE2> cachedIRegexp(std::string_view pattern);

/// match(): the whole string matches. search(): some substring matches.
bool regexMatches(const re2::RE2& regex, std::string_view text, bool whole);

} // namespace mdsl::jsonpath::detail
