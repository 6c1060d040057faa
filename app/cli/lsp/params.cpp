// Reading a request's parameters strictly: a member of the wrong type is an error response,
// never an exception escaping the server or a guess.

#include "lsp/features.h"

namespace lsp {

const Json& objectMember(const Json& object, const char* key)
{
    if (!object.is_object() || !object.contains(key) || !object[key].is_object())
        throw RequestError{kInvalidParams, std::string("\"") + key + "\" must be an object"};
    return object[key];
}

std::string stringMember(const Json& object, const char* key)
{
    if (!object.is_object() || !object.contains(key) || !object[key].is_string())
        throw RequestError{kInvalidParams, std::string("\"") + key + "\" must be a string"};
    return object[key].get<std::string>();
}

std::int64_t integerMember(const Json& object, const char* key)
{
    if (!object.is_object() || !object.contains(key) || !object[key].is_number_integer())
        throw RequestError{kInvalidParams, std::string("\"") + key + "\" must be an integer"};
    if (object[key].is_number_unsigned() && object[key].get<std::uint64_t>() > std::uint64_t(INT64_MAX))
        throw RequestError{kInvalidParams, std::string("\"") + key + "\" is out of range"};
    return object[key].get<std::int64_t>();
}

std::uint32_t positionOffset(const Document& document, const Json& params)
{
    const Json& position = objectMember(params, "position");
    const std::int64_t line = integerMember(position, "line");
    const std::int64_t character = integerMember(position, "character");
    const auto offset = document.lines->offset(line, character);
    if (!offset)
        throw RequestError{kInvalidParams, "position " + std::to_string(line) + ":" + std::to_string(character) +
                                               " is outside the document (" + std::to_string(document.lines->lineCount()) +
                                               " lines)"};
    return *offset;
}

bool isWordByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

} // namespace lsp
